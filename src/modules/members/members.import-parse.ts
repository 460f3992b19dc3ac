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
 *
 * The work is split by stage, in sibling files: members.import-reader.ts (workbook stream),
 * -sheet.ts (per-sheet state machine), -headers.ts (column recognition), -layout.ts (title block,
 * section headings, footer), -member.ts (one row), -values.ts and -dates.ts (cell readers),
 * -checks.ts (row checks, duplicates), -cells.ts (cell text helpers), -types.ts (result types).
 */
import { readTitles } from './members.import-layout.js';
import { hasZipMagic, scanWorkbook } from './members.import-reader.js';
import type { ParseMemberSheetOptions, SheetIssue, SheetParseResult } from './members.import-types.js';

export type { ParseMemberSheetOptions, SheetIssue, SheetParseResult } from './members.import-types.js';
export { foldVietnamese, looksLikeFormula } from './members.import-cells.js';

export const MSG_NOT_XLSX = 'Tệp không phải là bảng tính Excel (.xlsx)';
export const MSG_NO_ROWS = 'Không tìm thấy dòng đảng viên nào trong tệp';
export const MSG_NO_HEADER = 'Không tìm thấy dòng tiêu đề có cột Họ và tên';
const MSG_BROKEN = 'Tệp bảng tính bị hỏng, không đọc được';
const EXPECTED_HEADERS =
  'STT, Họ và tên, Ngày sinh (Nam/Nữ), Giới tính, Dân tộc, Tôn giáo, Quê quán, Số thẻ đảng viên, ' +
  'Số lý lịch, Ngày vào Đảng, Ngày chính thức, Chính thức/Dự bị, Trình độ chuyên môn, Lý luận chính trị, ' +
  'Chức vụ Đảng, Chức vụ chính quyền, đoàn thể, Số CCCD, Điện thoại, Email, Chi bộ';

function fileIssue(message: string): SheetIssue {
  return { row: 0, column: '', message };
}

export async function parseMemberSheet(input: Buffer | string, opts: ParseMemberSheetOptions = {}): Promise<SheetParseResult> {
  const empty: SheetParseResult = {
    rows: [], errors: [], warnings: [], title: null, issuingOrg: null, superiorOrg: null, sheetName: '', fields: [],
  };
  if (!(await hasZipMagic(input))) return { ...empty, errors: [fileIssue(MSG_NOT_XLSX)] };
  const { found, firstName, sawContent, broken } = await scanWithRetry(input, opts);
  if (broken) return { ...empty, sheetName: firstName ?? '', errors: [fileIssue(MSG_BROKEN)] };
  if (!found) {
    const message = sawContent ? `${MSG_NO_HEADER}. Cần một dòng tiêu đề gồm các cột như: ${EXPECTED_HEADERS}` : MSG_NO_ROWS;
    return { ...empty, sheetName: firstName ?? '', errors: [fileIssue(message)] };
  }
  const errors = found.dataRowsSeen === 0 ? [fileIssue(MSG_NO_ROWS), ...found.errors] : found.errors;
  return { rows: found.rows, errors, warnings: found.warnings, sheetName: found.name, fields: found.fields, ...readTitles(found.pre) };
}

/**
 * ExcelJS 4.4.0's streaming reader now and then (about 1 read in 300 here) meets a sheet before the
 * workbook part it needs and reads no header (exceljs#3064). The same bytes read again are fine, so a
 * sheet with content but no header found is read up to twice more before it is called wrong.
 */
async function scanWithRetry(input: Buffer | string, opts: ParseMemberSheetOptions) {
  for (let attempt = 1; ; attempt++) {
    const scan = await scanWorkbook(input, opts);
    if (scan.found || scan.broken || !scan.sawContent || attempt === 3) return scan;
  }
}
