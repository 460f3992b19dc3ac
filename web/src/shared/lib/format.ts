/** Formatting for Vietnamese readers: dd/MM/yyyy dates, "1.234" numbers, "10,7%" percentages, Vietnamese sorting. */

const numberFormat = new Intl.NumberFormat('vi-VN');
const percentFormats = [0, 1, 2].map((digits) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }));
const dayFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false });

export const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
export const compareVi = (a: string | null | undefined, b: string | null | undefined) => collator.compare(a ?? '', b ?? '');

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : numberFormat.format(n);
}

/** `part` as a percentage of `whole` (0 when `whole` is 0), unrounded: formatPercent rounds it for reading. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}

/**
 * A percentage (0–100, not a fraction) as Vietnamese readers write it, comma for the decimals: "10,7%",
 * "1.250%". Rounded to `digits` decimals, except that a share short of the whole never reads "100%" nor
 * a share above nothing "0%" (99,96 → "> 99,9%", 0,02 → "< 0,1%"): an officer acts on those two.
 */
export function formatPercent(value: number | null | undefined, digits: 0 | 1 | 2 = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  const format = percentFormats[digits];
  const step = 10 ** -digits;
  if (value > 0 && value < step / 2) return `< ${format.format(step)}%`;
  if (value < 100 && value >= 100 - step / 2) return `> ${format.format(100 - step)}%`;
  return `${format.format(value)}%`;
}

/** "1.234 đảng viên" */
export function formatMemberCount(n: number): string {
  return `${formatNumber(n)} đảng viên`;
}

/** An ISO calendar date `yyyy-mm-dd` as `dd/MM/yyyy` (no time zone involved). */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A birth date, as the year alone when only the year is known. */
export function formatBirthDate(iso: string | null | undefined, yearOnly: boolean): string {
  if (!iso) return '';
  return yearOnly ? iso.slice(0, 4) : formatIsoDate(iso);
}

/** A timestamp as the day it was in Vietnam, `dd/MM/yyyy`. */
export function formatDay(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? timestamp : dayFormat.format(d);
}

export function formatDayTime(timestamp: string): string {
  const d = new Date(timestamp);
  return `${timeFormat.format(d)} ${dayFormat.format(d)}`;
}

/** Today in Vietnam as `yyyy-mm-dd`. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}
