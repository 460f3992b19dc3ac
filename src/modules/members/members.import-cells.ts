/**
 * Cell contents as the import parser sees them: ExcelJS values narrowed to a `Cell`, cleaned text,
 * the folding used to match headers and enumerations, and small formatting helpers.
 */
import { searchKey } from '../../text/index.js';

export type Cell = string | number | boolean | Date | null;

/** Accent folding shared with search: NFD, drop combining marks, đ→d, lowercase, single spaces. */
export const foldVietnamese = searchKey;

/** Folded, with every run of punctuation turned into one space: the key used to match headers. */
export function headerKey(s: string): string {
  return foldVietnamese(s).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** True when a text would be read as a formula by a spreadsheet (also after apostrophes and spaces). */
export function looksLikeFormula(s: string): boolean {
  return /^'*(\s*[=+\-@]|[\t\r])/.test(s);
}

/** NFC, no zero-width characters, single spaces; drops the apostrophe the export puts before a formula. */
function cleanText(s: string): string {
  const t = s.normalize('NFC').replace(/[\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim();
  return t.startsWith("'") && looksLikeFormula(t.slice(1)) ? t.slice(1) : t;
}

/** An ExcelJS cell value (rich text, formula result, hyperlink, error…) as a plain `Cell`. */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return o.richText.map((r: { text?: string }) => r?.text ?? '').join('');
  if ('result' in o) return toCell(o.result);
  if ('formula' in o || 'sharedFormula' in o) return null;
  if ('text' in o) return toCell(o.text);
  if ('error' in o) return String(o.error);
  return null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoOf(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** "1985-03-05" → "05/03/1985", the way dates are written in messages. */
export function showIso(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function textOf(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'string') return cleanText(c);
  if (c instanceof Date) return showIso(isoOf(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate()));
  return String(c);
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
