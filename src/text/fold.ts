/**
 * Accent folding for search and matching: "Nguyễn Văn An", "NGUYỄN VĂN AN", "Nguyen Van An" (NFC or
 * NFD) all fold to "nguyen van an".
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** The key stored beside a name and computed from a query: folded, lower-case, single-spaced. */
export function searchKey(text: string): string {
  return foldAccents(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
