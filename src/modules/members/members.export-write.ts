/**
 * Writes a "Danh sách đảng viên" workbook in the layout officers keep (org lines top left, title,
 * one header row, a column-number row, members, "Tổng số: N đảng viên"), readable back by
 * parseMemberSheet. Streams with the ExcelJS WorkbookWriter so half a million rows do not sit in memory.
 *
 * Never writes formulas: every text that a spreadsheet could take for one (starting with = + - @, also
 * after spaces or apostrophes, or with a tab/CR) gets one leading apostrophe; parseMemberSheet removes
 * exactly that apostrophe, so export → import gives back the same text.
 */
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { LABELS, type IsoDate, type MemberAttributes } from './members.fields.js';
import { looksLikeFormula } from './members.import-parse.js';

export type ExportMemberRow = MemberAttributes & { branchName: string; branchCode: string };

export interface MemberSheetData {
  title: string;
  issuingOrg: string;
  superiorOrg?: string;
  rows: Iterable<ExportMemberRow> | AsyncIterable<ExportMemberRow>;
}

export const MEMBER_SHEET_NAME = 'Danh sách đảng viên';
const CHECK_EVERY = 200;
const MAX_PENDING_BYTES = 1 << 20;

type CellOut = string | number | null;

interface ExportColumn {
  header: string;
  width: number;
  /** Written with the Text number format, so Excel keeps leading zeros. */
  text?: boolean;
  value: (r: ExportMemberRow, index: number) => CellOut;
}

const flag = (b: boolean): CellOut => (b ? 'Có' : null);

function dateText(iso: IsoDate | null, yearOnly = false): CellOut {
  if (!iso) return null;
  const [y, m, d] = iso.split('-');
  return yearOnly ? y : `${d}/${m}/${y}`;
}

/** The header names are ones parseMemberSheet recognizes; keep them in step with classifyHeader. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'STT', width: 6, value: (_r, i) => i + 1 },
  { header: 'Họ và tên', width: 26, value: (r) => r.fullName },
  { header: 'Giới tính', width: 8, value: (r) => (r.gender ? LABELS.gender[r.gender] : null) },
  { header: 'Ngày sinh', width: 12, text: true, value: (r) => dateText(r.birthDate, r.birthYearOnly) },
  { header: 'Dân tộc', width: 10, value: (r) => r.ethnicity },
  { header: 'Tôn giáo', width: 10, value: (r) => r.religion },
  { header: 'Quê quán', width: 24, value: (r) => r.homeTown },
  { header: 'Số thẻ đảng viên', width: 12, text: true, value: (r) => r.cardNumber },
  { header: 'Số lý lịch', width: 12, text: true, value: (r) => r.recordNumber },
  { header: 'Chính thức/Dự bị', width: 11, value: (r) => LABELS.status[r.status] },
  { header: 'Ngày vào Đảng', width: 12, text: true, value: (r) => dateText(r.admissionDate) },
  { header: 'Ngày chính thức', width: 12, text: true, value: (r) => dateText(r.officialDate) },
  { header: 'Trình độ chuyên môn', width: 16, value: (r) => r.qualification },
  { header: 'Lý luận chính trị', width: 11, value: (r) => (r.theoryLevel ? LABELS.theoryLevel[r.theoryLevel] : null) },
  { header: 'Chức vụ Đảng', width: 16, value: (r) => r.partyPosition },
  { header: 'Chức vụ chính quyền, đoàn thể', width: 20, value: (r) => r.workPosition },
  { header: 'Loại hình đơn vị', width: 18, value: (r) => (r.workplaceKind ? LABELS.workplaceKind[r.workplaceKind] : null) },
  { header: 'Vùng sâu, vùng xa', width: 8, value: (r) => flag(r.isRemoteArea) },
  { header: 'Cấp ủy viên', width: 8, value: (r) => flag(r.isCommitteeMember) },
  { header: 'Người đứng đầu', width: 8, value: (r) => flag(r.isHeadOfUnit) },
  { header: 'Miễn sinh hoạt', width: 8, value: (r) => flag(r.isExempt) },
  { header: 'Số CCCD', width: 15, text: true, value: (r) => r.personalId },
  { header: 'Điện thoại', width: 13, text: true, value: (r) => r.phone },
  { header: 'Email', width: 22, value: (r) => r.email },
  { header: 'Chi bộ', width: 20, value: (r) => r.branchName },
  { header: 'Mã chi bộ', width: 12, text: true, value: (r) => r.branchCode },
  { header: 'Ghi chú', width: 12, value: () => null },
];

/** Prefixes one apostrophe to any text a spreadsheet could evaluate. */
export function neutralizeFormula(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

function safe(v: CellOut): CellOut {
  return typeof v === 'string' ? (v === '' ? null : neutralizeFormula(v)) : v;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const CENTER = { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true };

type PendingPipe = NodeJS.EventEmitter & { _writableState?: { length: number; needDrain: boolean } };

/**
 * ExcelJS 4.4's worksheet StreamBuf writes into the zip without looking at write()'s result, so a fast
 * producer piles the sheet XML up in memory (about 1 KB a row). Wait for the zip's input to drain;
 * if those internals are not there, just let the event loop turn.
 */
async function letZipDrain(ws: unknown, aborted: Promise<never>): Promise<void> {
  const pipe = (ws as { _stream?: { pipes?: PendingPipe[] } })._stream?.pipes?.[0];
  const state = pipe?._writableState;
  if (pipe && state?.needDrain && state.length > MAX_PENDING_BYTES) await Promise.race([once(pipe, 'drain'), aborted]);
  else await new Promise((resolve) => setImmediate(resolve));
}

/** Rejects when a caller's output stream fails or closes, so a dropped download stops the export. */
function whenOutputFails(out: string | NodeJS.WritableStream): Promise<never> {
  const failed = new Promise<never>((_resolve, reject) => {
    if (typeof out === 'string') return;
    out.on('error', reject);
    out.once('close', () => {
      const finished = (out as NodeJS.WritableStream & { writableFinished?: boolean }).writableFinished;
      if (finished === false) reject(new Error('output stream closed before the member sheet was written'));
    });
  });
  failed.catch(() => undefined);
  return failed;
}

export async function writeMemberSheet(out: string | NodeJS.WritableStream, data: MemberSheetData): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof out === 'string' ? { filename: out } : { stream: out as unknown as import('node:stream').Stream }),
    useStyles: true,
    useSharedStrings: false,
  });
  const n = EXPORT_COLUMNS.length;
  const headerRow = data.superiorOrg ? 6 : 5;
  const ws = workbook.addWorksheet(MEMBER_SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: headerRow + 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  let next = 1;
  /** Writes one row; `merge` spans its first cell over that many columns. */
  const line = (cells: Array<[number, string]>, style: Partial<ExcelJS.Style> = {}, merge = 0) => {
    const row = ws.getRow(next++);
    if (merge > 1) ws.mergeCells(row.number, 1, row.number, merge);
    for (const [col, text] of cells) Object.assign(row.getCell(col), { value: safe(text), style });
    row.commit();
  };
  const RIGHT = 10;
  const party: Array<[number, string]> = [[RIGHT, 'ĐẢNG CỘNG SẢN VIỆT NAM']];
  if (data.superiorOrg) line([[1, data.superiorOrg], ...party], { alignment: CENTER }, 6);
  line([[1, data.issuingOrg], ...(data.superiorOrg ? [] : party)], { font: { bold: true }, alignment: CENTER }, 6);
  line([[1, '*']], { alignment: CENTER }, 6);
  line([[1, data.title]], { font: { bold: true, size: 14 }, alignment: CENTER }, n);
  line([]);

  const header = ws.getRow(next++);
  header.values = EXPORT_COLUMNS.map((c) => c.header);
  header.height = 45;
  header.eachCell((cell) => (cell.style = { font: { bold: true }, alignment: CENTER, border: BORDER }));
  header.commit();
  const numbers = ws.getRow(next++);
  numbers.values = EXPORT_COLUMNS.map((_c, i) => `(${i + 1})`);
  numbers.eachCell((cell) => (cell.style = { font: { italic: true }, alignment: CENTER, border: BORDER }));
  numbers.commit();

  const aborted = whenOutputFails(out);
  let count = 0;
  for await (const member of data.rows) {
    const row = ws.getRow(next++);
    row.values = EXPORT_COLUMNS.map((c) => safe(c.value(member, count)));
    row.commit();
    if (++count % CHECK_EVERY === 0) await Promise.race([letZipDrain(ws, aborted), aborted]);
  }
  line([]);
  line([[1, `Tổng số: ${count} đảng viên`]], { font: { bold: true } }, 6);
  ws.commit();
  await Promise.race([workbook.commit(), aborted]);
}
