/**
 * One member row: each recognized column's cell read into a ParsedMemberRow, then the row checks.
 * Issues go to the sheet's error and warning lists; a row with an error is left out.
 */
import type { Gender, MemberStatus, ParsedMemberRow } from './members.fields.js';
import type { Cell } from './members.import-cells.js';
import {
  crossChecks,
  defaultStatus,
  reconcileGender,
  UniqueValues,
  type ColumnsByKey,
  type GenderHints,
  type RowCheckContext,
} from './members.import-checks.js';
import { readDate } from './members.import-dates.js';
import type { Column } from './members.import-headers.js';
import type { SheetIssue } from './members.import-types.js';
import {
  GENDER_MAP,
  readDigits,
  readEmail,
  readEnum,
  readFlag,
  readLooseWorkplace,
  readPhone,
  STATUS_MAP,
  THEORY_MAP,
  WORKPLACE_HINT,
  WORKPLACE_MAP,
  type Issue,
} from './members.import-values.js';

/** The heading the rows are under ("Chi bộ Ấp 1", "II. Đảng viên dự bị"), kept up to date by the sheet. */
export interface SectionState {
  group: string | null;
  status: MemberStatus | null;
}

export interface MemberRowEnv {
  columns: Column[];
  section: SectionState;
  date1904: boolean;
  /** ISO date the future-date and default-status checks compare with. */
  today: string;
  errors: SheetIssue[];
  warnings: SheetIssue[];
}

/** Reads the member rows of one sheet; remembers card numbers and CCCD to report repeats. */
export class MemberRowReader {
  private readonly cards = new UniqueValues('Số thẻ đảng viên');
  private readonly ids = new UniqueValues('Số CCCD');

  constructor(private readonly env: MemberRowEnv) {}

  /** The member on this row, or null when the row has an error (reported in env.errors). */
  read(row: number, cells: Cell[], texts: string[]): ParsedMemberRow | null {
    const { errors, warnings, section, today } = this.env;
    const errorsBefore = errors.length;
    const err: Issue = (col, message) => errors.push({ row, column: col.label, message });
    const warn: Issue = (col, message) => warnings.push({ row, column: col.label, message });
    const draft = new MemberDraft(row, { group: section.group, date1904: this.env.date1904, err, warn });
    for (const col of this.env.columns) draft.readColumn(col, cells[col.col] ?? null, texts[col.col] ?? '');
    const { m, at } = draft;
    if (draft.branchCode) m.branch = draft.branchCode;
    if (!m.fullName) errors.push({ row, column: at.fullName?.label ?? '', message: 'Thiếu họ và tên' });
    const ctx: RowCheckContext = { at, today, err };
    reconcileGender(m, draft.genderHints, ctx);
    if (!draft.statusGiven) m.status = section.status ?? defaultStatus(m, today);
    crossChecks(m, ctx);
    this.cards.check(m.cardNumber, at.cardNumber, row, err);
    this.ids.check(m.personalId, at.personalId, row, err);
    return errors.length === errorsBefore ? m : null;
  }
}

interface CellEnv {
  /** The branch of the current section, used when the row's own branch cell is empty. */
  group: string | null;
  date1904: boolean;
  err: Issue;
  warn: Issue;
}

function emptyMember(row: number, branch: string | null): ParsedMemberRow {
  return {
    row, branch, fullName: '', gender: null, birthDate: null, birthYearOnly: false,
    homeTown: null, ethnicity: null, religion: null, cardNumber: null, recordNumber: null, status: 'official',
    admissionDate: null, officialDate: null, qualification: null, theoryLevel: null, partyPosition: null,
    workPosition: null, personalId: null, workplaceKind: null, isRemoteArea: false, isExempt: false,
    isHeadOfUnit: false, isCommitteeMember: false, phone: null, email: null,
  };
}

/** A member row being read column by column, with what the later checks need to know. */
class MemberDraft {
  readonly m: ParsedMemberRow;
  readonly at: ColumnsByKey = {};
  readonly genderHints: GenderHints = { birth: null, mark: null };
  statusGiven = false;
  branchCode: string | null = null;

  constructor(row: number, private readonly env: CellEnv) {
    this.m = emptyMember(row, env.group);
  }

  /** One flat case per column kind; the ones that depend on other columns have their own method. */
  readColumn(col: Column, c: Cell, text: string): void {
    const { m, env } = this;
    const { err, warn } = env;
    this.at[col.key] = col;
    switch (col.key) {
      case 'birthDate':
      case 'birthDateMale':
      case 'birthDateFemale':
        return this.readBirthDate(col, c, text);
      case 'genderMale':
      case 'genderFemale':
        return this.readGenderMark(col, c);
      case 'status':
        return this.readStatus(col, c);
      case 'admissionDate':
      case 'officialDate':
        m[col.key] = readDate(c, col, env.date1904, err)?.iso ?? null;
        return;
      case 'gender':
        m.gender = readEnum(c, col, GENDER_MAP, 'dùng Nam hoặc Nữ', err);
        return;
      case 'theoryLevel':
        m.theoryLevel = readEnum(c, col, THEORY_MAP, 'dùng Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân', err);
        return;
      case 'workplaceKind':
        m.workplaceKind = readEnum(c, col, WORKPLACE_MAP, WORKPLACE_HINT, err);
        return;
      case 'workplaceKindLoose':
        m.workplaceKind = readLooseWorkplace(c, col, warn);
        return;
      case 'isRemoteArea':
      case 'isExempt':
      case 'isHeadOfUnit':
      case 'isCommitteeMember':
        m[col.key] = readFlag(c, col, err);
        return;
      case 'cardNumber':
        m.cardNumber = readDigits(c, col, 8, err, warn);
        return;
      case 'personalId':
        m.personalId = readDigits(c, col, 12, err, warn);
        return;
      case 'phone':
        m.phone = readPhone(c, col, warn);
        return;
      case 'email':
        m.email = readEmail(text, col, err);
        return;
      case 'branchCode':
        this.branchCode = text || null;
        return;
      case 'branch':
        m.branch = text || env.group;
        return;
      case 'fullName':
        m.fullName = text;
        return;
      default:
        m[col.key] = text || null;
    }
  }

  /** "Ngày sinh", or "Ngày sinh" split into "Nam" | "Nữ" columns, which then also gives the gender. */
  private readBirthDate(col: Column, c: Cell, text: string): void {
    if (text === '') return;
    const d = readDate(c, col, this.env.date1904, this.env.err);
    if (col.key !== 'birthDate') {
      const gender: Gender = col.key === 'birthDateMale' ? 'male' : 'female';
      if (this.genderHints.birth) return this.env.err(col, 'Ngày sinh ghi ở cả hai cột Nam và Nữ');
      this.genderHints.birth = { gender, col };
    }
    if (d) [this.m.birthDate, this.m.birthYearOnly] = [d.iso, d.yearOnly];
  }

  /** A mark ("x") in a "Giới tính" column split into "Nam" | "Nữ". */
  private readGenderMark(col: Column, c: Cell): void {
    if (!readFlag(c, col, this.env.err)) return;
    if (this.genderHints.mark) this.env.err(col, 'Giới tính đánh dấu ở cả hai cột Nam và Nữ');
    this.genderHints.mark = col.key === 'genderMale' ? 'male' : 'female';
  }

  private readStatus(col: Column, c: Cell): void {
    const s = readEnum(c, col, STATUS_MAP, 'dùng Chính thức hoặc Dự bị', this.env.err);
    if (s) [this.m.status, this.statusGiven] = [s, true];
  }
}
