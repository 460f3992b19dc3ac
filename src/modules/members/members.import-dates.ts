/**
 * Date cells: Excel dates are read with their UTC parts (ExcelJS gives UTC midnight); serial numbers,
 * bare years (birth dates only) and dates written as text are accepted too.
 */
import { foldVietnamese, isoOf, textOf, type Cell } from './members.import-cells.js';
import type { Column } from './members.import-headers.js';
import { labelOf, type Issue } from './members.import-values.js';

const MIN_YEAR = 1880;
const MAX_YEAR = 2100;
const DAY_MS = 86_400_000;

export interface ParsedDate { iso: string; yearOnly: boolean }

/** What a date reader needs to word its messages. */
interface DateField { col: Column; label: string; isBirth: boolean; err: Issue }

function validDate(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > last ? null : isoOf(y, m, d);
}

export function readDate(c: Cell, col: Column, date1904: boolean, err: Issue): ParsedDate | null {
  const f: DateField = { col, err, label: labelOf(col), isBirth: col.key.startsWith('birthDate') };
  if (c instanceof Date) return fromDateValue(c, f);
  if (typeof c === 'number') return fromSerial(c, date1904, f);
  const raw = textOf(c);
  return raw === '' ? null : fromText(raw, f);
}

/** A bare year: accepted for a birth date (as 1 January, flagged), refused for the other dates. */
function fromYear(y: number, f: DateField): ParsedDate | null {
  if (f.isBirth && y >= MIN_YEAR && y <= MAX_YEAR) return { iso: isoOf(y, 1, 1), yearOnly: true };
  f.err(f.col, f.isBirth ? `${f.label} "${y}" không hợp lệ` : `${f.label} "${y}" chỉ có năm; cần ghi đủ ngày/tháng/năm`);
  return null;
}

function fromDateValue(c: Date, f: DateField): ParsedDate | null {
  if (Number.isNaN(c.getTime())) return f.err(f.col, `${f.label} không hợp lệ`), null;
  const iso = validDate(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate());
  if (!iso) f.err(f.col, `${f.label} "${textOf(c)}" không hợp lệ`);
  return iso ? { iso, yearOnly: false } : null;
}

/** A number: a four-digit year, or an Excel serial date (days since 1899-12-30, or 1904-01-01). */
function fromSerial(c: number, date1904: boolean, f: DateField): ParsedDate | null {
  if (Number.isInteger(c) && c >= 1000 && c <= 9999) return fromYear(c, f);
  if (c >= 1 && c < 2_958_466) {
    const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    const d = new Date(base + Math.floor(c) * DAY_MS);
    const iso = validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    if (iso) return { iso, yearOnly: false };
  }
  f.err(f.col, `${f.label} "${c}" không hợp lệ (cần dạng ngày/tháng/năm)`);
  return null;
}

function fromText(raw: string, f: DateField): ParsedDate | null {
  if (/^\d{4}$/.test(raw)) return fromYear(Number(raw), f);
  const parts = textDateParts(raw);
  if (parts === 'two-digit-year') {
    f.err(f.col, `${f.label} "${raw}" ghi năm bằng 2 chữ số; cần ghi đủ 4 chữ số (ví dụ 05/03/1985)`);
    return null;
  }
  const iso = parts && validDate(...parts);
  if (!iso) f.err(f.col, `${f.label} "${raw}" không hợp lệ (cần dạng ngày/tháng/năm)`);
  return iso ? { iso, yearOnly: false } : null;
}

/** [year, month, day] of "5/3/1985", "5.3.1985", "1985-03-05" or "ngày 5 tháng 3 năm 1985". */
function textDateParts(raw: string): [number, number, number] | 'two-digit-year' | null {
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d+)$/.exec(raw);
  if (m) {
    if (m[3].length === 2) return 'two-digit-year';
    return m[3].length === 4 ? [Number(m[3]), Number(m[2]), Number(m[1])] : null;
  }
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw))) return [Number(m[1]), Number(m[2]), Number(m[3])];
  if ((m = /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(foldVietnamese(raw)))) {
    return [Number(m[3]), Number(m[2]), Number(m[1])];
  }
  return null;
}
