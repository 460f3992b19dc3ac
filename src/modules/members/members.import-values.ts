/**
 * Cell value readers: fixed-length digit codes, enumerations, yes/no flags, workplace, phone and email
 * (dates are in members.import-dates.ts). Each returns the value, or reports an issue through the
 * callback it is given (and returns null when the value is unusable).
 */
import {
  CARD_NUMBER_PATTERN,
  LABELS,
  PERSONAL_ID_PATTERN,
  WORKPLACE_KINDS,
  type Gender,
  type MemberStatus,
  type TheoryLevel,
  type WorkplaceKind,
} from './members.fields.js';
import { foldVietnamese, headerKey, textOf, type Cell } from './members.import-cells.js';
import type { Column, DataKey } from './members.import-headers.js';

export type Issue = (col: Column, message: string) => void;

const FIELD_LABEL: Partial<Record<DataKey, string>> = {
  birthDate: 'Ngày sinh', birthDateMale: 'Ngày sinh', birthDateFemale: 'Ngày sinh',
  admissionDate: 'Ngày vào Đảng', officialDate: 'Ngày chính thức',
  cardNumber: 'Số thẻ đảng viên', personalId: 'Số CCCD', gender: 'Giới tính', status: 'Loại đảng viên',
  theoryLevel: 'Trình độ lý luận chính trị', workplaceKind: 'Loại hình nơi làm việc',
  workplaceKindLoose: 'Loại hình nơi làm việc', isRemoteArea: 'Vùng sâu, vùng xa', isExempt: 'Miễn sinh hoạt',
  isHeadOfUnit: 'Người đứng đầu', isCommitteeMember: 'Cấp ủy viên', email: 'Email', phone: 'Số điện thoại',
};

/** The field name used in messages ("Ngày sinh"), or the column label when the field has none. */
export function labelOf(col: Column): string {
  return FIELD_LABEL[col.key] ?? col.label;
}

/** A fixed-length digit code (card number, CCCD). Numeric cells lose leading zeros: pad and warn. */
export function readDigits(c: Cell, col: Column, len: number, err: Issue, warn: Issue): string | null {
  const label = labelOf(col);
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

export function readEnum<T extends string | null>(c: Cell, col: Column, map: Map<string, T>, hint: string, err: Issue): T | null {
  const raw = textOf(c);
  const key = headerKey(raw);
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  if (key === '') return null;
  err(col, `${labelOf(col)} "${raw}" không hợp lệ (${hint})`);
  return null;
}

function mapOf<T extends string>(entries: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(entries).map(([k, v]) => [headerKey(k), v]));
}

export const GENDER_MAP = mapOf<Gender>({ nam: 'male', male: 'male', nữ: 'female', nu: 'female', female: 'female' });
export const STATUS_MAP = mapOf<MemberStatus>({
  'chính thức': 'official', ct: 'official', 'đảng viên chính thức': 'official', dvct: 'official',
  'dự bị': 'probationary', db: 'probationary', 'đảng viên dự bị': 'probationary', dvdb: 'probationary',
});
export const THEORY_MAP = (() => {
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
export const WORKPLACE_MAP = (() => {
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
export const WORKPLACE_HINT = `dùng một trong: ${WORKPLACE_KINDS.map((k) => LABELS.workplaceKind[k]).join(', ')}`;
const YES = new Set(['x', 'co', '1', 'yes', 'true', 'v', '\u2713', '\u2714']);
const NO = new Set(['', 'khong', '0', 'no', 'false', '-']);

export function readFlag(c: Cell, col: Column, err: Issue): boolean {
  if (typeof c === 'boolean') return c;
  const raw = textOf(c);
  const f = foldVietnamese(raw);
  if (YES.has(f)) return true;
  if (NO.has(f)) return false;
  err(col, `${labelOf(col)} "${raw}" không hợp lệ (ghi "x" hoặc "Có", hoặc để trống)`);
  return false;
}

/** A free-text "nơi làm việc" column: kept when it names a known kind, otherwise warned and dropped. */
export function readLooseWorkplace(c: Cell, col: Column, warn: Issue): WorkplaceKind | null {
  const raw = textOf(c);
  const kind = WORKPLACE_MAP.get(headerKey(raw)) ?? null;
  if (raw !== '' && kind === null) warn(col, `Không nhận ra loại hình nơi làm việc "${raw}", bỏ qua`);
  return kind;
}

export function readPhone(c: Cell, col: Column, warn: Issue): string | null {
  if (typeof c === 'number' && Number.isInteger(c) && String(c).length === 9) {
    warn(col, `Số điện thoại lưu dạng số ${c} (mất số 0 ở đầu), đã đọc thành "0${c}"`);
    return `0${c}`;
  }
  const p = textOf(c);
  if (p !== '' && !/^\+?\d[\d .()-]{6,18}\d$/.test(p)) warn(col, `Số điện thoại "${p}" có vẻ không hợp lệ`);
  return p || null;
}

export function readEmail(text: string, col: Column, err: Issue): string | null {
  if (text !== '' && !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text)) err(col, `Email "${text}" không hợp lệ`);
  return text || null;
}
