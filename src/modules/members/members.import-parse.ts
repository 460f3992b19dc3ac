/**
 * Reads the "Danh sách đảng viên" workbooks that officers keep in Excel into member rows, pure (no DB,
 * no HTTP). Uses the ExcelJS streaming WorkbookReader: it ignores merged-cell ranges, so merged header
 * groups (a "Ngày sinh" over "Nam" | "Nữ") are inferred from the layout: an empty header cell with a
 * sub-header below it belongs to the nearest non-empty header cell on its left.
 *
 * Result contract: `rows` holds only rows without errors; every problem is in `errors` (the row is then
 * left out) or `warnings` (the row is kept). Whole-file problems have row 0 and column "".
 * Excel dates are read with their UTC parts (ExcelJS gives UTC midnight); serial numbers and bare years
 * are accepted too. A leading apostrophe before = + - @ (or before another such apostrophe), added by
 * the export to neutralize formulas, is removed.
 */
import { open } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import {
  CARD_NUMBER_PATTERN,
  LABELS,
  PERSONAL_ID_PATTERN,
  WORKPLACE_KINDS,
  type Gender,
  type MemberAttributes,
  type MemberStatus,
  type ParsedMemberRow,
  type TheoryLevel,
  type WorkplaceKind,
} from './members.fields.js';
import { searchKey } from '../../text/index.js';

export interface SheetIssue {
  /** Excel row number (1-based); 0 when the issue concerns the whole file. */
  row: number;
  /** Column letter and header name, e.g. "D (Ngày sinh)"; "" for the whole file. */
  column: string;
  message: string;
}

export interface SheetParseResult {
  rows: ParsedMemberRow[];
  errors: SheetIssue[];
  warnings: SheetIssue[];
  title: string | null;
  /** The lowest org line at the top left (the one that issues the list). */
  issuingOrg: string | null;
  /** The org line above the issuing org, when there is one. */
  superiorOrg: string | null;
  sheetName: string;
}

export interface ParseMemberSheetOptions {
  onProgress?: (processedRows: number) => void;
}

export const MSG_NOT_XLSX = 'Tệp không phải là bảng tính Excel (.xlsx)';
export const MSG_NO_ROWS = 'Không tìm thấy dòng đảng viên nào trong tệp';
export const MSG_NO_HEADER = 'Không tìm thấy dòng tiêu đề có cột Họ và tên';
const MSG_BROKEN = 'Tệp bảng tính bị hỏng, không đọc được';
const EXPECTED_HEADERS =
  'STT, Họ và tên, Ngày sinh (Nam/Nữ), Giới tính, Dân tộc, Tôn giáo, Quê quán, Số thẻ đảng viên, ' +
  'Số lý lịch, Ngày vào Đảng, Ngày chính thức, Chính thức/Dự bị, Trình độ chuyên môn, Lý luận chính trị, ' +
  'Chức vụ Đảng, Chức vụ chính quyền, đoàn thể, Số CCCD, Điện thoại, Email, Chi bộ';
const HEADER_SCAN_ROWS = 30;
const PROGRESS_EVERY = 1000;
const MIN_YEAR = 1880;
const MAX_YEAR = 2100;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------------
// Text helpers

/** Accent folding shared with search: NFD, drop combining marks, đ→d, lowercase, single spaces. */
export const foldVietnamese = searchKey;

/** Folded, with every run of punctuation turned into one space: the key used to match headers. */
function headerKey(s: string): string {
  return foldVietnamese(s).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** True when a text would be read as a formula by a spreadsheet (also after apostrophes and spaces). */
export function looksLikeFormula(s: string): boolean {
  return /^'*(\s*[=+\-@]|[\t\r])/.test(s);
}

function cleanText(s: string): string {
  const t = s.normalize('NFC').replace(/[\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim();
  return t.startsWith("'") && looksLikeFormula(t.slice(1)) ? t.slice(1) : t;
}

type Cell = string | number | boolean | Date | null;

function toCell(v: unknown): Cell {
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

function isoOf(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function showIso(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function textOf(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'string') return cleanText(c);
  if (c instanceof Date) return showIso(isoOf(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate()));
  return String(c);
}

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------------------------------------------
// Header recognition

type DataKey =
  | 'fullName' | 'gender' | 'birthDate' | 'birthDateMale' | 'birthDateFemale' | 'genderMale' | 'genderFemale'
  | 'homeTown' | 'ethnicity' | 'religion' | 'cardNumber' | 'recordNumber' | 'status' | 'admissionDate'
  | 'officialDate' | 'qualification' | 'theoryLevel' | 'partyPosition' | 'workPosition' | 'personalId'
  | 'workplaceKind' | 'workplaceKindLoose' | 'isRemoteArea' | 'isExempt' | 'isHeadOfUnit'
  | 'isCommitteeMember' | 'phone' | 'email' | 'branch' | 'branchCode';
type ColumnKey = DataKey | 'stt' | 'ignored';

/** Maps a header key (see headerKey) to the column it names; order matters. */
function classifyHeader(h: string): ColumnKey | null {
  if (h === '') return null;
  if (/^(stt|tt|so tt|so thu tu)$/.test(h)) return 'stt';
  if (/^ho (va |and )?ten\b/.test(h)) return 'fullName';
  if (/^(ngay|thang nam sinh|nam sinh|sinh ngay)\b/.test(h)) {
    if (/\bsinh\b/.test(h)) return /\bsinh nam$/.test(h) ? 'birthDateMale' : /\bsinh nu$/.test(h) ? 'birthDateFemale' : 'birthDate';
    if (/chinh thuc|cong nhan/.test(h)) return 'officialDate';
    if (/vao dang|ket nap/.test(h)) return 'admissionDate';
    return null;
  }
  if (/^(gioi tinh|gioi|nam nu|phai)$/.test(h)) return 'gender';
  if (/\bdu bi\b/.test(h) || /^(loai dang vien|loai dv|loai|dang vien chinh thuc)$/.test(h)) return 'status';
  if (/^dan toc\b/.test(h)) return 'ethnicity';
  if (/^ton giao\b/.test(h)) return 'religion';
  if (/^(que quan|nguyen quan)\b/.test(h)) return 'homeTown';
  if (/^so the\b/.test(h)) return 'cardNumber';
  if (/^(so )?ly lich\b|^so ll\b/.test(h)) return 'recordNumber';
  if (/ly luan|\bllct\b/.test(h)) return 'theoryLevel';
  if (/chuyen mon|^trinh do( cm)?$/.test(h)) return 'qualification';
  if (/^chuc vu (trong )?dang\b/.test(h)) return 'partyPosition';
  if (/^(chuc vu|chuc danh)\b/.test(h)) return 'workPosition';
  if (/^mien (sinh hoat|sh|cong tac)\b/.test(h)) return 'isExempt';
  if (/\b(cccd|cmnd|dinh danh|can cuoc)\b/.test(h)) return 'personalId';
  if (/^(so )?(dien thoai|dt|dtdd)\b|^sdt$/.test(h)) return 'phone';
  if (/^(e ?mail|thu dien tu|dia chi e ?mail)\b/.test(h)) return 'email';
  if (/^ma chi bo\b/.test(h)) return 'branchCode';
  if (/^(ten )?chi bo\b/.test(h)) return 'branch';
  if (/^loai hinh\b/.test(h)) return 'workplaceKind';
  if (/^(noi lam viec|noi cong tac|khu vuc lam viec)\b/.test(h)) return 'workplaceKindLoose';
  if (/vung sau|vung xa|\bvsvx\b/.test(h)) return 'isRemoteArea';
  if (/^(la )?cap uy\b/.test(h)) return 'isCommitteeMember';
  if (/dung dau/.test(h)) return 'isHeadOfUnit';
  if (/^(ghi chu|tuoi|tuoi dang)\b/.test(h)) return 'ignored';
  return null;
}

interface Column {
  col: number;
  key: DataKey;
  /** "D (Ngày sinh - Nữ)" */
  label: string;
}

function buildColumns(head: Cell[], sub: Cell[] | null, at: number, warnings: SheetIssue[]): Column[] {
  const width = Math.max(head.length, sub?.length ?? 0);
  const columns: Column[] = [];
  const seen = new Map<DataKey, Column>();
  let group = '';
  for (let col = 1; col < width; col++) {
    const top = textOf(head[col] ?? null);
    let below = sub ? textOf(sub[col] ?? null) : '';
    if (below === top) below = '';
    if (top !== '') group = top;
    const name = top !== '' ? top : below !== '' ? group : '';
    if (name === '') continue;
    const key = resolveHeader(name, below);
    const title = below ? `${name} - ${below}` : name;
    if (key === null) {
      warnings.push({ row: at, column: `${columnLetter(col)} (${title})`, message: `Cột "${title}" không được nhận dạng, bỏ qua` });
      continue;
    }
    if (key === 'stt' || key === 'ignored') continue;
    const column = { col, key, label: `${columnLetter(col)} (${title})` };
    const first = seen.get(key);
    if (first) {
      warnings.push({ row: at, column: column.label, message: `Cột "${title}" trùng ý nghĩa với cột ${first.label}, bỏ qua` });
      continue;
    }
    seen.set(key, column);
    columns.push(column);
  }
  return columns;
}

function resolveHeader(top: string, below: string): ColumnKey | null {
  const t = headerKey(top);
  if (below === '') return classifyHeader(t);
  const b = headerKey(below);
  const groupKey = classifyHeader(t);
  if (b === 'nam' || b === 'nu') {
    if (groupKey === 'birthDate') return b === 'nam' ? 'birthDateMale' : 'birthDateFemale';
    if (groupKey === 'gender') return b === 'nam' ? 'genderMale' : 'genderFemale';
  }
  return classifyHeader(`${t} ${b}`) ?? classifyHeader(b) ?? groupKey;
}

// ---------------------------------------------------------------------------------------------------
// Value readers. Each returns the value or pushes an issue.

type Issue = (col: Column, message: string) => void;

const FIELD_LABEL: Partial<Record<DataKey, string>> = {
  birthDate: 'Ngày sinh', birthDateMale: 'Ngày sinh', birthDateFemale: 'Ngày sinh',
  admissionDate: 'Ngày vào Đảng', officialDate: 'Ngày chính thức',
  cardNumber: 'Số thẻ đảng viên', personalId: 'Số CCCD', gender: 'Giới tính', status: 'Loại đảng viên',
  theoryLevel: 'Trình độ lý luận chính trị', workplaceKind: 'Loại hình nơi làm việc',
  workplaceKindLoose: 'Loại hình nơi làm việc', isRemoteArea: 'Vùng sâu, vùng xa', isExempt: 'Miễn sinh hoạt',
  isHeadOfUnit: 'Người đứng đầu', isCommitteeMember: 'Cấp ủy viên', email: 'Email', phone: 'Số điện thoại',
};

interface ParsedDate { iso: string; yearOnly: boolean }

function validDate(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > last ? null : isoOf(y, m, d);
}

function readDate(c: Cell, col: Column, date1904: boolean, err: Issue): ParsedDate | null {
  const label = FIELD_LABEL[col.key] ?? col.label;
  const isBirth = col.key.startsWith('birthDate');
  const yearOnly = (y: number): ParsedDate | null => {
    if (isBirth && y >= MIN_YEAR && y <= MAX_YEAR) return { iso: isoOf(y, 1, 1), yearOnly: true };
    err(col, isBirth ? `${label} "${y}" không hợp lệ` : `${label} "${y}" chỉ có năm; cần ghi đủ ngày/tháng/năm`);
    return null;
  };
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return err(col, `${label} không hợp lệ`), null;
    const iso = validDate(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate());
    if (!iso) err(col, `${label} "${textOf(c)}" không hợp lệ`);
    return iso ? { iso, yearOnly: false } : null;
  }
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 1000 && c <= 9999) return yearOnly(c);
    if (c >= 1 && c < 2_958_466) {
      const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      const d = new Date(base + Math.floor(c) * DAY_MS);
      const iso = validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      if (iso) return { iso, yearOnly: false };
    }
    err(col, `${label} "${c}" không hợp lệ (cần dạng ngày/tháng/năm)`);
    return null;
  }
  const raw = textOf(c);
  if (raw === '') return null;
  if (/^\d{4}$/.test(raw)) return yearOnly(Number(raw));
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d+)$/.exec(raw);
  let parts: [number, number, number] | null = null;
  if (m) {
    if (m[3].length === 2) {
      err(col, `${label} "${raw}" ghi năm bằng 2 chữ số; cần ghi đủ 4 chữ số (ví dụ 05/03/1985)`);
      return null;
    }
    if (m[3].length === 4) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw))) {
    parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(foldVietnamese(raw)))) {
    parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  }
  const iso = parts && validDate(...parts);
  if (!iso) err(col, `${label} "${raw}" không hợp lệ (cần dạng ngày/tháng/năm)`);
  return iso ? { iso, yearOnly: false } : null;
}

/** A fixed-length digit code (card number, CCCD). Numeric cells lose leading zeros: pad and warn. */
function readDigits(c: Cell, col: Column, len: number, err: Issue, warn: Issue): string | null {
  const label = FIELD_LABEL[col.key] ?? col.label;
  const pattern = len === 8 ? CARD_NUMBER_PATTERN : PERSONAL_ID_PATTERN;
  if (typeof c === 'number') {
    const s = Number.isInteger(c) && c >= 0 ? String(c) : '';
    if (s === '' || s.length > len) return err(col, `${label} "${c}" không hợp lệ (cần đúng ${len} chữ số)`), null;
    const padded = s.padStart(len, '0');
    if (padded !== s) {
      warn(col, `${label} lưu dạng số ${s} (mất số 0 ở đầu), đã đọc thành "${padded}"; nên định dạng cột là Văn bản`);
    }
    return padded;
  }
  const raw = textOf(c);
  if (raw === '') return null;
  const digits = raw.replace(/[\s.]/g, '');
  if (!pattern.test(digits)) return err(col, `${label} "${raw}" không hợp lệ (cần đúng ${len} chữ số)`), null;
  return digits;
}

const NULL_WORDS = new Set(['', '-', 'khong', 'chua', 'chua qua dao tao', 'chua co', 'khong co']);

function readEnum<T extends string | null>(c: Cell, col: Column, map: Map<string, T>, hint: string, err: Issue): T | null {
  const raw = textOf(c);
  const key = headerKey(raw);
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  if (key === '') return null;
  err(col, `${FIELD_LABEL[col.key] ?? col.label} "${raw}" không hợp lệ (${hint})`);
  return null;
}

function mapOf<T extends string>(entries: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(entries).map(([k, v]) => [headerKey(k), v]));
}

const GENDER_MAP = mapOf<Gender>({ nam: 'male', male: 'male', nữ: 'female', nu: 'female', female: 'female' });
const STATUS_MAP = mapOf<MemberStatus>({
  'chính thức': 'official', ct: 'official', 'đảng viên chính thức': 'official', dvct: 'official',
  'dự bị': 'probationary', db: 'probationary', 'đảng viên dự bị': 'probationary', dvdb: 'probationary',
});
const THEORY_MAP = (() => {
  const m = new Map<string, TheoryLevel | null>();
  const add = (code: TheoryLevel, words: string[]) => {
    for (const w of words) for (const suffix of ['', ' llct', ' ly luan', ' ly luan chinh tri', ' chinh tri']) m.set(w + suffix, code);
  };
  add('so_cap', ['so cap', 'sc']);
  add('trung_cap', ['trung cap', 'tc']);
  add('cao_cap', ['cao cap', 'cc']);
  add('cu_nhan', ['cu nhan', 'cn']);
  for (const w of NULL_WORDS) m.set(w, null);
  return m;
})();
const WORKPLACE_MAP = (() => {
  const m = new Map<string, WorkplaceKind>();
  for (const k of WORKPLACE_KINDS) m.set(headerKey(LABELS.workplaceKind[k]), k);
  const aliases: Record<string, WorkplaceKind> = {
    'cơ quan hành chính': 'state_agency', 'cơ quan hành chính nhà nước': 'state_agency', 'cơ quan đảng': 'state_agency',
    'đơn vị sự nghiệp': 'public_service_unit', dnnn: 'state_enterprise',
    'doanh nghiệp tư nhân': 'non_state_enterprise', 'ngoài nhà nước': 'non_state_enterprise',
    'doanh nghiệp fdi': 'foreign_invested_enterprise', fdi: 'foreign_invested_enterprise',
    'vốn đầu tư nước ngoài': 'foreign_invested_enterprise', llvt: 'armed_forces', 'quân đội': 'armed_forces',
    'công an': 'armed_forces', 'hưu trí': 'retired', 'đã nghỉ hưu': 'retired', 'nghỉ hưu': 'retired',
  };
  for (const [k, v] of Object.entries(aliases)) m.set(headerKey(k), v);
  return m;
})();
const WORKPLACE_HINT = `dùng một trong: ${WORKPLACE_KINDS.map((k) => LABELS.workplaceKind[k]).join(', ')}`;
const YES = new Set(['x', 'co', '1', 'yes', 'true', 'v', '\u2713', '\u2714']);
const NO = new Set(['', 'khong', '0', 'no', 'false', '-']);

function readFlag(c: Cell, col: Column, err: Issue): boolean {
  if (typeof c === 'boolean') return c;
  const raw = textOf(c);
  const f = foldVietnamese(raw);
  if (YES.has(f)) return true;
  if (NO.has(f)) return false;
  err(col, `${FIELD_LABEL[col.key] ?? col.label} "${raw}" không hợp lệ (ghi "x" hoặc "Có", hoặc để trống)`);
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Row classification

const FOOTER_FOLDED =
  /^(tong so|tong cong|nguoi lap|t\/m|tm\.? (chi|dang)|k\/t|bi thu|pho bi thu|xac nhan|danh sach (nay|co|gom))\b|ngay.{0,15}thang.{0,15}nam/;

function isFooter(text: string): boolean {
  return FOOTER_FOLDED.test(foldVietnamese(text)) || /^cộng(\s|:|$)/i.test(text.normalize('NFC'));
}

const SECTION_ENUM = /^(?:[ivxlcdm]+|\d+|[a-z])\s*[.)/-]\s*/;
const SECTION_ENUM_ORIGINAL = /^(?:[IVXLCDMivxlcdm]+|\d+|[A-Za-z])\s*[.)/-]\s*/;

const NUMBER_CELL = /^\(?\d{1,3}\)?$/;

function isColumnNumberRow(texts: string[], nameCol: number): boolean {
  let count = 0;
  for (let i = 1; i < texts.length; i++) {
    if (!texts[i]) continue;
    if (!NUMBER_CELL.test(texts[i])) return false;
    count++;
  }
  const name = texts[nameCol] ?? '';
  return count >= 2 && (name === '' || NUMBER_CELL.test(name));
}

// ---------------------------------------------------------------------------------------------------
// Sheet state machine

interface PreRow { row: number; cells: { col: number; text: string }[] }

class SheetReader {
  readonly errors: SheetIssue[] = [];
  readonly warnings: SheetIssue[] = [];
  readonly rows: ParsedMemberRow[] = [];
  readonly pre: PreRow[] = [];
  state: 'seek' | 'sub' | 'numbers' | 'data' | 'done' | 'none' = 'seek';
  dataRowsSeen = 0;
  nonEmptyRows = 0;
  private head: Cell[] = [];
  private headRow = 0;
  private nameCol = 0;
  private sttCol = -1;
  private columns: Column[] = [];
  private currentGroup: string | null = null;
  private sectionStatus: MemberStatus | null = null;
  private readonly cards = new Map<string, number>();
  private readonly ids = new Map<string, number>();
  private readonly today = new Date().toISOString().slice(0, 10);

  constructor(readonly name: string, private readonly date1904: boolean) {}

  get hasHeader(): boolean {
    return this.state !== 'seek' && this.state !== 'none';
  }

  feed(rowNumber: number, raw: unknown[]): void {
    if (this.state === 'done' || this.state === 'none') return;
    const cells = Array.from(raw, toCell); // row.values is sparse
    const texts = cells.map(textOf);
    if (texts.every((t) => t === '')) return;
    this.nonEmptyRows++;
    if (this.state === 'seek') return this.seekHeader(rowNumber, cells, texts);
    if (this.state === 'sub') {
      const isSub = rowNumber === this.headRow + 1 && this.isSubHeader(texts);
      this.setColumns(isSub ? cells : null);
      if (isSub) return;
    }
    if (this.state === 'numbers') {
      this.state = 'data';
      if (isColumnNumberRow(texts, this.nameCol)) return;
    }
    this.dataRow(rowNumber, cells, texts);
  }

  private seekHeader(rowNumber: number, cells: Cell[], texts: string[]): void {
    const nameCol = texts.findIndex((t, i) => i > 0 && classifyHeader(headerKey(t)) === 'fullName');
    if (nameCol < 0) {
      const kept = texts.map((text, col) => ({ col, text })).filter((x) => x.text !== '');
      this.pre.push({ row: rowNumber, cells: kept });
      if (this.nonEmptyRows >= HEADER_SCAN_ROWS) this.state = 'none';
      return;
    }
    this.head = cells;
    this.headRow = rowNumber;
    this.nameCol = nameCol;
    this.sttCol = texts.findIndex((t, i) => i > 0 && classifyHeader(headerKey(t)) === 'stt');
    this.state = 'sub';
  }

  private setColumns(sub: Cell[] | null): void {
    this.columns = buildColumns(this.head, sub, this.headRow, this.warnings);
    this.state = 'numbers';
  }

  private isSubHeader(texts: string[]): boolean {
    const headTexts = this.head.map(textOf);
    if (texts[this.nameCol] && texts[this.nameCol] !== headTexts[this.nameCol]) return false;
    let group = '';
    let subs = 0;
    for (let col = 1; col < Math.max(texts.length, headTexts.length); col++) {
      const top = headTexts[col] ?? '';
      if (top !== '') group = top;
      const below = texts[col] ?? '';
      if (below === '' || below === top) continue;
      const b = headerKey(below);
      if (b !== 'nam' && b !== 'nu' && classifyHeader(b) === null && classifyHeader(`${headerKey(group)} ${b}`) === null) {
        return false;
      }
      subs++;
    }
    return subs >= 2; // a real sub-header has at least two (Nam | Nữ); one cell is a data or section line
  }

  /** Finishes the header when the sheet ends right after it. */
  finish(): void {
    if (this.state === 'sub') this.setColumns(null);
  }

  private dataRow(rowNumber: number, cells: Cell[], texts: string[]): void {
    const first = texts.find((t, i) => i > 0 && t !== '') ?? '';
    if (isFooter(first)) {
      this.state = 'done';
      return;
    }
    const nonEmpty = texts.filter((t, i) => i > 0 && t !== '').length;
    if (nonEmpty === 1 && this.sttCol > 0 && /^\d+\.?$/.test(texts[this.sttCol] ?? '')) return; // a numbered line left empty
    if (nonEmpty === 1 && this.sectionRow(first)) return;
    this.dataRowsSeen++;
    const member = this.readMember(rowNumber, cells, texts);
    if (member) this.rows.push(member);
  }

  /** "Chi bộ Ấp 1", "I. ĐẢNG VIÊN CHÍNH THỨC", "II. Đảng viên dự bị": headings between member rows. */
  private sectionRow(text: string): boolean {
    const folded = foldVietnamese(text);
    const enumerated = SECTION_ENUM.test(folded);
    const rest = folded.replace(SECTION_ENUM, '');
    if (/^(chi bo|dang bo bo phan)\b/.test(rest)) {
      this.currentGroup = text.replace(SECTION_ENUM_ORIGINAL, '').trim();
      return true;
    }
    if (/^(dang vien )?du bi\b/.test(rest)) this.sectionStatus = 'probationary';
    else if (/^(dang vien )?chinh thuc\b/.test(rest)) this.sectionStatus = 'official';
    else return enumerated && /\bdang vien\b/.test(rest);
    return true;
  }

  /** One flat case per column kind (hence the length); cross-row and cross-column checks follow. */
  private readMember(row: number, cells: Cell[], texts: string[]): ParsedMemberRow | null {
    const errorsBefore = this.errors.length;
    const err: Issue = (col, message) => this.errors.push({ row, column: col.label, message });
    const warn: Issue = (col, message) => this.warnings.push({ row, column: col.label, message });
    const m: ParsedMemberRow = {
      row, branch: this.currentGroup, fullName: '', gender: null, birthDate: null, birthYearOnly: false,
      homeTown: null, ethnicity: null, religion: null, cardNumber: null, recordNumber: null, status: 'official',
      admissionDate: null, officialDate: null, qualification: null, theoryLevel: null, partyPosition: null,
      workPosition: null, personalId: null, workplaceKind: null, isRemoteArea: false, isExempt: false,
      isHeadOfUnit: false, isCommitteeMember: false, phone: null, email: null,
    };
    const at: Partial<Record<DataKey, Column>> = {};
    let statusGiven = false;
    let birthGender: { gender: Gender; col: Column } | null = null;
    let markGender: Gender | null = null;
    let branchCode: string | null = null;
    for (const col of this.columns) {
      at[col.key] = col;
      const c = cells[col.col] ?? null;
      const text = texts[col.col] ?? '';
      switch (col.key) {
        case 'birthDate':
        case 'birthDateMale':
        case 'birthDateFemale': {
          if (text === '') break;
          const d = readDate(c, col, this.date1904, err);
          if (col.key !== 'birthDate') {
            const g: Gender = col.key === 'birthDateMale' ? 'male' : 'female';
            if (birthGender) {
              err(col, 'Ngày sinh ghi ở cả hai cột Nam và Nữ');
              break;
            }
            birthGender = { gender: g, col };
          }
          if (d) [m.birthDate, m.birthYearOnly] = [d.iso, d.yearOnly];
          break;
        }
        case 'admissionDate':
        case 'officialDate':
          m[col.key] = readDate(c, col, this.date1904, err)?.iso ?? null;
          break;
        case 'gender':
          m.gender = readEnum(c, col, GENDER_MAP, 'dùng Nam hoặc Nữ', err);
          break;
        case 'genderMale':
        case 'genderFemale':
          if (readFlag(c, col, err)) {
            if (markGender) err(col, 'Giới tính đánh dấu ở cả hai cột Nam và Nữ');
            markGender = col.key === 'genderMale' ? 'male' : 'female';
          }
          break;
        case 'status': {
          const s = readEnum(c, col, STATUS_MAP, 'dùng Chính thức hoặc Dự bị', err);
          if (s) [m.status, statusGiven] = [s, true];
          break;
        }
        case 'theoryLevel':
          m.theoryLevel = readEnum(c, col, THEORY_MAP, 'dùng Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân', err);
          break;
        case 'workplaceKind':
          m.workplaceKind = readEnum(c, col, WORKPLACE_MAP, WORKPLACE_HINT, err);
          break;
        case 'workplaceKindLoose': {
          const raw = textOf(c);
          m.workplaceKind = WORKPLACE_MAP.get(headerKey(raw)) ?? null;
          if (raw !== '' && m.workplaceKind === null) warn(col, `Không nhận ra loại hình nơi làm việc "${raw}", bỏ qua`);
          break;
        }
        case 'isRemoteArea':
        case 'isExempt':
        case 'isHeadOfUnit':
        case 'isCommitteeMember':
          m[col.key] = readFlag(c, col, err);
          break;
        case 'cardNumber':
          m.cardNumber = readDigits(c, col, 8, err, warn);
          break;
        case 'personalId':
          m.personalId = readDigits(c, col, 12, err, warn);
          break;
        case 'phone':
          m.phone = this.readPhone(c, col, warn);
          break;
        case 'email':
          if (text !== '' && !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text)) err(col, `Email "${text}" không hợp lệ`);
          m.email = text || null;
          break;
        case 'branchCode':
          branchCode = text || null;
          break;
        case 'branch':
          m.branch = text || this.currentGroup;
          break;
        case 'fullName':
          m.fullName = text;
          break;
        default:
          m[col.key] = text || null;
      }
    }
    if (branchCode) m.branch = branchCode;
    if (!m.fullName) this.errors.push({ row, column: at.fullName?.label ?? '', message: 'Thiếu họ và tên' });
    this.reconcileGender(m, birthGender, markGender, at, err);
    if (!statusGiven) m.status = this.sectionStatus ?? this.defaultStatus(m);
    this.crossChecks(m, at, err);
    this.checkUnique(m.cardNumber, this.cards, at.cardNumber, row, 'Số thẻ đảng viên', err);
    this.checkUnique(m.personalId, this.ids, at.personalId, row, 'Số CCCD', err);
    return this.errors.length === errorsBefore ? m : null;
  }

  private readPhone(c: Cell, col: Column, warn: Issue): string | null {
    if (typeof c === 'number' && Number.isInteger(c) && String(c).length === 9) {
      warn(col, `Số điện thoại lưu dạng số ${c} (mất số 0 ở đầu), đã đọc thành "0${c}"`);
      return `0${c}`;
    }
    const p = textOf(c);
    if (p !== '' && !/^\+?\d[\d .()-]{6,18}\d$/.test(p)) warn(col, `Số điện thoại "${p}" có vẻ không hợp lệ`);
    return p || null;
  }

  private reconcileGender(
    m: ParsedMemberRow,
    birth: { gender: Gender; col: Column } | null,
    mark: Gender | null,
    at: Partial<Record<DataKey, Column>>,
    err: Issue,
  ): void {
    for (const g of [birth?.gender ?? null, mark]) {
      if (g === null) continue;
      if (m.gender !== null && m.gender !== g && at.gender) {
        err(at.gender, `Giới tính "${LABELS.gender[m.gender]}" không khớp với cột ${LABELS.gender[g]}`);
      }
      m.gender ??= g;
    }
  }

  /** With no status written: probationary when admitted less than 12 months ago and not yet official. */
  private defaultStatus(m: ParsedMemberRow): MemberStatus {
    if (m.officialDate || !m.admissionDate) return 'official';
    const d = new Date(`${m.admissionDate}T00:00:00Z`);
    d.setUTCFullYear(d.getUTCFullYear() + 1);
    return d.toISOString().slice(0, 10) > this.today ? 'probationary' : 'official';
  }

  private crossChecks(m: ParsedMemberRow, at: Partial<Record<DataKey, Column>>, err: Issue): void {
    const birthCol = at.birthDate ?? at.birthDateMale ?? at.birthDateFemale;
    const futureBirth = m.birthDate !== null && m.birthDate > this.today;
    if (futureBirth && birthCol) err(birthCol, `Ngày sinh ${showIso(m.birthDate!)} ở tương lai`);
    if (m.admissionDate && at.admissionDate && m.admissionDate > this.today) {
      err(at.admissionDate, `Ngày vào Đảng ${showIso(m.admissionDate)} ở tương lai`);
    }
    if (m.admissionDate && m.officialDate && m.officialDate < m.admissionDate && at.officialDate) {
      err(at.officialDate, `Ngày chính thức ${showIso(m.officialDate)} trước ngày vào Đảng ${showIso(m.admissionDate)}`);
    }
    if (m.birthDate && !futureBirth && m.admissionDate && at.admissionDate) {
      const [by, bm, bd] = m.birthDate.split('-').map(Number);
      const [ay, am, ad] = m.admissionDate.split('-').map(Number);
      const age = ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
      if (age < 16 || age > 110) {
        err(at.admissionDate, `Tuổi khi vào Đảng là ${age}, không hợp lệ (cần từ 16 đến 110; kiểm tra ngày sinh và ngày vào Đảng)`);
      }
    }
  }

  private checkUnique(value: string | null, seen: Map<string, number>, col: Column | undefined, row: number, label: string, err: Issue): void {
    if (!value || !col) return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, row);
    else err(col, `${label} ${value} trùng với dòng ${first}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Titles

const ORG_LINE = /^(dang bo|dang uy|chi bo|chi uy|to chuc co so dang|ban thuong vu|ban chap hanh|(tinh|thanh|huyen|quan|thi|xa|phuong) uy)\b/;

function readTitles(pre: PreRow[]): { title: string | null; issuingOrg: string | null; superiorOrg: string | null } {
  const left = (p: PreRow) => p.cells[0]?.text ?? '';
  const titleAt = pre.findIndex((p) => p.cells.some((c) => /^danh sach\b/.test(foldVietnamese(c.text))));
  const orgs: string[] = [];
  let lastHeadRow = -1;
  for (let i = 0; i < (titleAt < 0 ? pre.length : titleAt); i++) {
    const f = foldVietnamese(left(pre[i]));
    if (ORG_LINE.test(f)) {
      orgs.push(left(pre[i]));
      lastHeadRow = i;
    } else if (f === '*' || /^dang cong san viet nam$/.test(f)) lastHeadRow = i;
  }
  let title: string | null = null;
  if (titleAt >= 0) title = pre[titleAt].cells.find((c) => /^danh sach\b/.test(foldVietnamese(c.text)))!.text;
  else {
    const candidate = pre.slice(lastHeadRow + 1).find((p) => {
      const f = foldVietnamese(left(p));
      return !(f === '*' || ORG_LINE.test(f) || isFooter(left(p)) || /^dang cong san viet nam$/.test(f));
    });
    title = candidate ? left(candidate) : null;
  }
  return { title, issuingOrg: orgs.at(-1) ?? null, superiorOrg: orgs.length > 1 ? orgs[orgs.length - 2] : null };
}

// ---------------------------------------------------------------------------------------------------
// Reader

/**
 * ExcelJS 4.4.0's streaming reader decodes every inflated chunk on its own, so a Vietnamese letter
 * (2–3 UTF-8 bytes) that straddles a chunk boundary turns into U+FFFD ("Sơ c\ufffd\ufffdp"): about one
 * corrupted cell per 4,000 rows. Its parser passes strings through untouched, so this subclass hands
 * it text decoded with a StringDecoder, which carries split characters over to the next chunk.
 * Overrides internal methods of 4.4.x; the large-sheet tests catch a change.
 */
type ReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
  _parseWorkbook(entry: NodeJS.ReadableStream): unknown;
};
const baseReader = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

const decodedStream = (entry: NodeJS.ReadableStream) => entry.pipe(new PassThrough({ encoding: 'utf8' }));

class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown {
    return baseReader._parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
  }

  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown {
    return baseReader._parseSharedStrings.call(this, decodedStream(entry));
  }

  _parseWorkbook(entry: NodeJS.ReadableStream): unknown {
    return baseReader._parseWorkbook.call(this, decodedStream(entry));
  }
}

// ---------------------------------------------------------------------------------------------------
// Entry point

async function hasZipMagic(input: Buffer | string): Promise<boolean> {
  let head: Buffer;
  if (typeof input === 'string') {
    const fh = await open(input, 'r');
    try {
      head = Buffer.alloc(4);
      const { bytesRead } = await fh.read(head, 0, 4, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } else head = input.subarray(0, 4);
  return head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function fileIssue(message: string): SheetIssue {
  return { row: 0, column: '', message };
}

export async function parseMemberSheet(input: Buffer | string, opts: ParseMemberSheetOptions = {}): Promise<SheetParseResult> {
  const empty: SheetParseResult = {
    rows: [], errors: [], warnings: [], title: null, issuingOrg: null, superiorOrg: null, sheetName: '',
  };
  if (!(await hasZipMagic(input))) return { ...empty, errors: [fileIssue(MSG_NOT_XLSX)] };
  const source = typeof input === 'string' ? input : Readable.from([input]);
  const reader = new Utf8SafeWorkbookReader(source, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  let processed = 0;
  let found: SheetReader | null = null;
  let firstName: string | null = null;
  let sawContent = false;
  try {
    for await (const sheetReader of reader) {
      const ws = sheetReader as typeof sheetReader & { name: string };
      const props = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
      const sheet = new SheetReader(ws.name, props?.model?.date1904 === true);
      firstName ??= ws.name;
      for await (const row of ws) {
        sheet.feed(row.number, row.values as unknown[]);
        if (++processed % PROGRESS_EVERY === 0) opts.onProgress?.(processed);
        if (sheet.state === 'done') break; // the data ended: the rest of the workbook is not read
      }
      sawContent ||= sheet.nonEmptyRows > 0;
      if (sheet.hasHeader) {
        sheet.finish();
        found = sheet;
        break;
      }
    }
  } catch (e) {
    if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) throw e; // a bug, not a bad file
    return { ...empty, sheetName: firstName ?? '', errors: [fileIssue(MSG_BROKEN)] };
  }
  opts.onProgress?.(processed);
  if (!found) {
    const message = sawContent ? `${MSG_NO_HEADER}. Cần một dòng tiêu đề gồm các cột như: ${EXPECTED_HEADERS}` : MSG_NO_ROWS;
    return { ...empty, sheetName: firstName ?? '', errors: [fileIssue(message)] };
  }
  const errors = found.dataRowsSeen === 0 ? [fileIssue(MSG_NO_ROWS), ...found.errors] : found.errors;
  return { rows: found.rows, errors, warnings: found.warnings, sheetName: found.name, ...readTitles(found.pre) };
}
