/**
 * Header recognition: which member attribute each column holds. Merged header groups are inferred
 * from the layout, since the streaming reader ignores merged ranges: an empty header cell with a
 * sub-header below it belongs to the nearest non-empty header cell on its left.
 */
import { columnLetter, headerKey, textOf, type Cell } from './members.import-cells.js';
import type { MemberAttributes } from './members.fields.js';
import type { SheetIssue } from './members.import-types.js';

export type DataKey =
  | 'fullName' | 'gender' | 'birthDate' | 'birthDateMale' | 'birthDateFemale' | 'genderMale' | 'genderFemale'
  | 'homeTown' | 'ethnicity' | 'religion' | 'cardNumber' | 'recordNumber' | 'status' | 'admissionDate'
  | 'officialDate' | 'qualification' | 'theoryLevel' | 'partyPosition' | 'workPosition' | 'personalId'
  | 'workplaceKind' | 'workplaceKindLoose' | 'isRemoteArea' | 'isExempt' | 'isHeadOfUnit'
  | 'isCommitteeMember' | 'phone' | 'email' | 'branch' | 'branchCode';
type ColumnKey = DataKey | 'stt' | 'ignored';

export interface Column {
  col: number;
  key: DataKey;
  /** "D (Ngày sinh - Nữ)" */
  label: string;
}

/** Maps a header key (see headerKey) to the column it names; order matters. */
export function classifyHeader(h: string): ColumnKey | null {
  if (h === '') return null;
  if (/^(stt|tt|so tt|so thu tu)$/.test(h)) return 'stt';
  if (/^ho (va |and )?ten\b/.test(h)) return 'fullName';
  if (/^(ngay|thang nam sinh|nam sinh|sinh ngay)\b/.test(h)) return classifyDateHeader(h);
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

/** A header starting with "ngày", "năm sinh"…: birth date (possibly per gender), admission or official date. */
function classifyDateHeader(h: string): ColumnKey | null {
  if (/\bsinh\b/.test(h)) return /\bsinh nam$/.test(h) ? 'birthDateMale' : /\bsinh nu$/.test(h) ? 'birthDateFemale' : 'birthDate';
  if (/chinh thuc|cong nhan/.test(h)) return 'officialDate';
  if (/vao dang|ket nap/.test(h)) return 'admissionDate';
  return null;
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

/** The recognized columns of a header row (and its sub-header row); unknown and repeated ones are warned. */
export function buildColumns(head: Cell[], sub: Cell[] | null, at: number, warnings: SheetIssue[]): Column[] {
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

/** Whether the row right under the header is a sub-header (e.g. "Nam" | "Nữ" under "Ngày sinh"). */
export function isSubHeader(head: Cell[], nameCol: number, texts: string[]): boolean {
  const headTexts = head.map(textOf);
  if (texts[nameCol] && texts[nameCol] !== headTexts[nameCol]) return false;
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

const NUMBER_CELL = /^\(?\d{1,3}\)?$/;

/** The "(1) (2) (3) …" row that numbers the columns under the header. */
export function isColumnNumberRow(texts: string[], nameCol: number): boolean {
  let count = 0;
  for (let i = 1; i < texts.length; i++) {
    if (!texts[i]) continue;
    if (!NUMBER_CELL.test(texts[i])) return false;
    count++;
  }
  const name = texts[nameCol] ?? '';
  return count >= 2 && (name === '' || NUMBER_CELL.test(name));
}

const FIELDS_OF: Partial<Record<DataKey, Array<keyof MemberAttributes>>> = {
  birthDate: ['birthDate', 'birthYearOnly'],
  birthDateMale: ['birthDate', 'birthYearOnly', 'gender'],
  birthDateFemale: ['birthDate', 'birthYearOnly', 'gender'],
  genderMale: ['gender'], genderFemale: ['gender'],
  workplaceKindLoose: ['workplaceKind'],
  branch: [], branchCode: [],
};

/** The member attributes a set of columns carries (the name is always there). */
export function fieldsOf(columns: Column[]): Array<keyof MemberAttributes> {
  const fields = new Set<keyof MemberAttributes>(['fullName']);
  for (const c of columns) for (const f of FIELDS_OF[c.key] ?? [c.key as keyof MemberAttributes]) fields.add(f);
  return [...fields];
}
