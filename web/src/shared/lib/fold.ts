/**
 * Accent folding for search, as the server's src/text/fold.ts: "Nguyễn Văn An", "NGUYEN VAN AN" and
 * "nguyen van an" all give "nguyen van an" (the members' `nameKey`).
 */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
