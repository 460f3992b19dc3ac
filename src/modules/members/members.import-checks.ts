/**
 * Checks on a member row once all its cells are read: gender written in several places, the default
 * status, dates that contradict each other, and card numbers or CCCD repeated across rows.
 */
import { LABELS, type Gender, type MemberStatus, type ParsedMemberRow } from './members.fields.js';
import { showIso } from './members.import-cells.js';
import type { Column, DataKey } from './members.import-headers.js';
import type { Issue } from './members.import-values.js';

/** The columns of the row by what they hold, to point each issue at the right cell. */
export type ColumnsByKey = Partial<Record<DataKey, Column>>;

/** Gender implied by other columns: a birth date under "Nam"/"Nữ", or a mark in a "Nam"/"Nữ" column. */
export interface GenderHints {
  birth: { gender: Gender; col: Column } | null;
  mark: Gender | null;
}

/** What the checks need besides the row: its columns, today's date (ISO) and where to report. */
export interface RowCheckContext {
  at: ColumnsByKey;
  today: string;
  err: Issue;
}

/** Fills a missing gender from the hints; an explicit gender that disagrees with them is an error. */
export function reconcileGender(m: ParsedMemberRow, hints: GenderHints, { at, err }: RowCheckContext): void {
  for (const g of [hints.birth?.gender ?? null, hints.mark]) {
    if (g === null) continue;
    if (m.gender !== null && m.gender !== g && at.gender) {
      err(at.gender, `Giới tính "${LABELS.gender[m.gender]}" không khớp với cột ${LABELS.gender[g]}`);
    }
    m.gender ??= g;
  }
}

/** With no status written: probationary when admitted less than 12 months ago and not yet official. */
export function defaultStatus(m: ParsedMemberRow, today: string): MemberStatus {
  if (m.officialDate || !m.admissionDate) return 'official';
  const d = new Date(`${m.admissionDate}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10) > today ? 'probationary' : 'official';
}

/** Dates in the future, official before admission, an implausible age at admission. */
export function crossChecks(m: ParsedMemberRow, ctx: RowCheckContext): void {
  const { at, today, err } = ctx;
  const birthCol = at.birthDate ?? at.birthDateMale ?? at.birthDateFemale;
  const futureBirth = m.birthDate !== null && m.birthDate > today;
  if (futureBirth && birthCol) err(birthCol, `Ngày sinh ${showIso(m.birthDate!)} ở tương lai`);
  if (m.admissionDate && at.admissionDate && m.admissionDate > today) {
    err(at.admissionDate, `Ngày vào Đảng ${showIso(m.admissionDate)} ở tương lai`);
  }
  if (m.admissionDate && m.officialDate && m.officialDate < m.admissionDate && at.officialDate) {
    err(at.officialDate, `Ngày chính thức ${showIso(m.officialDate)} trước ngày vào Đảng ${showIso(m.admissionDate)}`);
  }
  if (m.birthDate && !futureBirth && m.admissionDate && at.admissionDate) {
    checkAdmissionAge(m.birthDate, m.admissionDate, at.admissionDate, err);
  }
}

function checkAdmissionAge(birthDate: string, admissionDate: string, col: Column, err: Issue): void {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ay, am, ad] = admissionDate.split('-').map(Number);
  const age = ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
  if (age < 16 || age > 110) {
    err(col, `Tuổi khi vào Đảng là ${age}, không hợp lệ (cần từ 16 đến 110; kiểm tra ngày sinh và ngày vào Đảng)`);
  }
}

/** Remembers the first row of each value of one column (card number, CCCD) and reports repeats. */
export class UniqueValues {
  private readonly firstRow = new Map<string, number>();

  constructor(private readonly label: string) {}

  check(value: string | null, col: Column | undefined, row: number, err: Issue): void {
    if (!value || !col) return;
    const first = this.firstRow.get(value);
    if (first === undefined) this.firstRow.set(value, row);
    else err(col, `${this.label} ${value} trùng với dòng ${first}`);
  }
}
