/** Dates for the demo generator: proleptic Gregorian day numbers, 0 = 1970-01-01. */

export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
const isoOf = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;
const isoOfYearLater = (y: number, m: number, d: number) => isoOf(y + 1, m, m === 2 && d === 29 ? 28 : d);

export const REF_Y = 2026;
export const REF_DAY = daysFromCivil(2026, 6, 30);
const MIN_BIRTH_YEAR = 1940;
const MAX_BIRTH_YEAR = 2004;
export const MIN_AGE = REF_Y - MAX_BIRTH_YEAR; // 22
export const MAX_AGE = REF_Y - MIN_BIRTH_YEAR; // 86

/** Interned ISO strings: all dates fall between 1940 and the reference date (~31,000 days). */
export class DateStrings {
  private static readonly BASE = daysFromCivil(MIN_BIRTH_YEAR, 1, 1);
  private readonly iso: (string | undefined)[] = [];
  private readonly plusYear: (string | undefined)[] = [];
  day(z: number): string {
    return DateStrings.cached(this.iso, z, isoOf);
  }
  /** The same calendar day one year later (29/2 → 28/2). */
  dayPlusYear(z: number): string {
    return DateStrings.cached(this.plusYear, z, isoOfYearLater);
  }
  private static cached(cache: (string | undefined)[], z: number, format: (y: number, m: number, d: number) => string): string {
    const i = z - DateStrings.BASE;
    let s = cache[i];
    if (s === undefined) {
      const [y, m, d] = civilFromDays(z);
      s = cache[i] = format(y, m, d);
    }
    return s;
  }
}
