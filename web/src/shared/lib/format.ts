/** Formatting for Vietnamese readers: dd/MM/yyyy dates, "1.234" numbers, Vietnamese sorting. */

const numberFormat = new Intl.NumberFormat('vi-VN');
const dayFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false });

export const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
export const compareVi = (a: string | null | undefined, b: string | null | undefined) => collator.compare(a ?? '', b ?? '');

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : numberFormat.format(n);
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
