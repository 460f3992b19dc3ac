/**
 * The grade sheet of a branch as XLSX: written for download (levels and grades as their Vietnamese labels,
 * with drop-down lists), and read back for import. Never writes formulas: text a spreadsheet could take
 * for one gets one leading apostrophe, which the reader removes again, so export → import is lossless.
 */
import ExcelJS from 'exceljs';
import type { Rubric } from './reflections.rubric.js';

export const GRADE_SHEET_NAME = 'Kết quả chấm';
export const COL = {
  stt: 'STT', name: 'Họ và tên', card: 'Số thẻ đảng viên', submittedAt: 'Ngày nộp', grade: 'Xếp loại', comment: 'Nhận xét',
  status: 'Trạng thái', id: 'Mã hồ sơ (không sửa)',
} as const;

export interface GradeSheetRow {
  label: string; cardNumber: string | null; submittedAt: string | null; levels: Record<string, string>;
  grade: string | null; comment: string | null; status: string; id: string;
}
export interface SheetIssue { row: number; column: string; message: string }
export interface ReadRow {
  row: number; id: string | null; name: string | null; card: string | null;
  levels: Record<string, string>; levelsGiven: boolean; grade: string | null; comment: string | null;
}

/** Same test as the member export (members.import-cells.ts): a formula start, also after apostrophes or spaces. */
const looksLikeFormula = (s: string) => /^'*(\s*[=+\-@]|[\t\r])/.test(s);
const neutralize = (s: string | null) => (s && looksLikeFormula(s) ? `'${s}` : s);
const restore = (s: string) => (s.startsWith("'") && looksLikeFormula(s.slice(1)) ? s.slice(1) : s);

export const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
  .toLowerCase().replace(/\s+/g, ' ').trim();

const criterionHeader = (c: Rubric['criteria'][number]) => `(${c.key}) ${c.label}`;

const vnDate = (iso: string | null) => (iso ? new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso)) : null);

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function writeGradeSheet(data: { title: string; lines: string[]; rubric: Rubric; rows: GradeSheetRow[] }): Promise<Buffer> {
  const { rubric } = data;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(GRADE_SHEET_NAME, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const headers = [COL.stt, COL.name, COL.card, COL.submittedAt, ...rubric.criteria.map(criterionHeader), COL.grade, COL.comment, COL.status, COL.id];
  ws.columns = headers.map((h, i) => ({ width: i === 0 ? 6 : h === COL.comment ? 40 : h === COL.name ? 26 : h === COL.id ? 38 : 14 }));
  const titleRow = ws.addRow([data.title]);
  titleRow.font = { bold: true, size: 14 };
  for (const line of data.lines) ws.addRow([neutralize(line)]);
  ws.addRow([]);
  const header = ws.addRow(headers);
  header.height = 48;
  header.eachCell((cell) => { cell.style = { font: { bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: BORDER }; });
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  const levelLabel = new Map(rubric.levels.map((l) => [l.key, l.label]));
  const gradeLabel = new Map(rubric.grades.map((g) => [g.key, g.label]));
  const list = (labels: string[]) => (labels.some((l) => l.includes(',') || l.includes('"')) ? null : `"${labels.join(',')}"`);
  const levelList = list(rubric.levels.map((l) => l.label));
  const gradeList = list(rubric.grades.map((g) => g.label));
  data.rows.forEach((r, i) => {
    const row = ws.addRow([
      i + 1, neutralize(r.label), neutralize(r.cardNumber), vnDate(r.submittedAt),
      ...rubric.criteria.map((c) => levelLabel.get(r.levels[c.key]) ?? null), r.grade ? gradeLabel.get(r.grade) ?? r.grade : null,
      neutralize(r.comment), r.status, r.id,
    ]);
    row.getCell(3).numFmt = '@';
    row.getCell(headers.indexOf(COL.comment) + 1).alignment = { wrapText: true, vertical: 'top' };
    rubric.criteria.forEach((_c, k) => {
      if (levelList) row.getCell(5 + k).dataValidation = { type: 'list', allowBlank: true, formulae: [levelList] };
    });
    if (gradeList) row.getCell(5 + rubric.criteria.length).dataValidation = { type: 'list', allowBlank: true, formulae: [gradeList] };
    row.eachCell({ includeEmpty: true }, (cell) => { cell.border = BORDER; });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell as trimmed text (rich text, formula results and numbers included), or null when empty. */
function text(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return text((o.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join(''));
    if ('result' in o) return text(o.result as ExcelJS.CellValue);
    if ('text' in o) return text(o.text as ExcelJS.CellValue);
    return null;
  }
  const s = (v instanceof Date ? v.toISOString() : String(v)).normalize('NFC').trim();
  return s ? restore(s) : null;
}

/** Reads the first sheet with a "Xếp loại" header: identification, levels (by label), grade, comment per row. */
export async function readGradeSheet(bytes: Buffer, rubric: Rubric): Promise<{ rows: ReadRow[]; issues: SheetIssue[] }> {
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(bytes as unknown as ArrayBuffer); } catch {
    return { rows: [], issues: [{ row: 0, column: '', message: 'Tệp bảng tính bị hỏng, không đọc được' }] };
  }
  for (const ws of wb.worksheets) {
    const found = findHeader(ws, rubric);
    if (found) return readRows(ws, found, rubric);
  }
  return { rows: [], issues: [{ row: 0, column: '', message: `Không tìm thấy dòng tiêu đề có cột "${COL.grade}"` }] };
}

interface HeaderMap { row: number; cols: Map<string, number>; criteria: Map<string, number>; names: Map<number, string> }

function findHeader(ws: ExcelJS.Worksheet, rubric: Rubric): HeaderMap | null {
  for (let r = 1; r <= Math.min(ws.rowCount, 30); r++) {
    const cells = (ws.getRow(r).values as ExcelJS.CellValue[]).map((v) => text(v ?? null));
    if (!cells.some((c) => c && fold(c) === fold(COL.grade))) continue;
    const map: HeaderMap = { row: r, cols: new Map(), criteria: new Map(), names: new Map() };
    cells.forEach((c, i) => {
      if (!c) return;
      map.names.set(i, c);
      const f = fold(c);
      const col = Object.entries(COL).find(([, h]) => fold(h) === f || (h === COL.id && f.startsWith('ma ho so')));
      if (col) map.cols.set(col[0], i);
      const criterion = rubric.criteria.find((k) => f.startsWith(`(${k.key})`) || f === fold(k.label));
      if (criterion) map.criteria.set(criterion.key, i);
    });
    return map;
  }
  return null;
}

function readRows(ws: ExcelJS.Worksheet, h: HeaderMap, rubric: Rubric) {
  const rows: ReadRow[] = []; const issues: SheetIssue[] = [];
  if (![...h.cols.keys()].some((k) => k === 'id' || k === 'name' || k === 'card')) {
    issues.push({ row: h.row, column: '', message: `Không tìm thấy cột "${COL.name}", "${COL.card}" hoặc "${COL.id}"` });
  }
  const levelOf = new Map(rubric.levels.flatMap((l) => [[fold(l.label), l.key], [fold(l.key), l.key]]));
  const gradeOf = new Map(rubric.grades.flatMap((g) => [[fold(g.label), g.key], [fold(g.key), g.key]]));
  for (let r = h.row + 1; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as ExcelJS.CellValue[];
    const cell = (key: string) => { const i = h.cols.get(key); return i === undefined ? null : text(values[i] ?? null); };
    const read: ReadRow = { row: r, id: cell('id'), name: cell('name'), card: cell('card'), levels: {}, levelsGiven: false, grade: null, comment: cell('comment') };
    for (const [key, i] of h.criteria) {
      const v = text(values[i] ?? null);
      if (!v) continue;
      read.levelsGiven = true;
      const level = levelOf.get(fold(v));
      if (level) read.levels[key] = level;
      else issues.push({ row: r, column: h.names.get(i)!, message: `Mức "${v}" không có trong thang đánh giá (${rubric.levels.map((l) => l.label).join(', ')})` });
    }
    const g = cell('grade');
    if (g) {
      const grade = gradeOf.get(fold(g));
      if (grade) read.grade = grade;
      else issues.push({ row: r, column: COL.grade, message: `Xếp loại "${g}" không có trong thang đánh giá (${rubric.grades.map((x) => x.label).join(', ')})` });
    }
    if (!read.id && !read.name && !read.card) {
      if (read.levelsGiven || g || read.comment) issues.push({ row: r, column: COL.name, message: 'Dòng có kết quả chấm nhưng không có họ tên, số thẻ hay mã hồ sơ' });
      continue; // blank line or a footer
    }
    rows.push(read);
  }
  return { rows, issues };
}
