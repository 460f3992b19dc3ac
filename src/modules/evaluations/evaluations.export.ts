import ExcelJS from 'exceljs';
import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db } from '../../kernel/db/client.js';
import { GROUP_LABELS } from './evaluations.rules.js';
import { sheet } from './evaluations.service.js';

/**
 * The branch's sheet of grades as XLSX: a title, one header row (STT, Họ và tên, Số thẻ, one column per
 * criterion, Tổng điểm, Xếp loại, Lý do, Trạng thái), one row per member. A branch holds at most a few
 * hundred members, so the workbook is built in memory.
 *
 * Never writes formulas: a text a spreadsheet could evaluate (starting with = + - @, also after spaces
 * or apostrophes, or with a tab/CR) gets one leading apostrophe, as the member export does.
 */

export const STATUS_LABELS: Record<string, string> = { none: 'Chưa đánh giá', draft: 'Dự thảo', approved: 'Đã duyệt' };

export function neutralizeFormula(value: string): string {
  return /^'*(\s*[=+\-@]|[\t\r])/.test(value) ? `'${value}` : value;
}
const text = (v: string | null | undefined) => (v ? neutralizeFormula(v) : null);

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function exportSheet(db: Db, actor: Actor, branchId: string, year: number) {
  const data = await sheet(db, actor, branchId, year);
  await db.transaction((tx) => recordAudit(tx, actor, actor.tenantId, {
    action: 'evaluation.export', entityType: 'org', entityId: branchId, after: { year, rows: data.rows.length },
  }));
  // General criteria first, then task results, each group in the scheme's order.
  const criteria = [...data.scheme.criteria].sort((a, b) => (a.group === b.group ? 0 : a.group === 'general' ? -1 : 1));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quán Triệt';
  const ws = workbook.addWorksheet(`Xếp loại năm ${year}`, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const headers = ['STT', 'Họ và tên', 'Số thẻ', ...criteria.map((c) => `${c.label} (tối đa ${c.maxPoints})`), 'Tổng điểm', 'Xếp loại', 'Lý do', 'Trạng thái'];
  const last = headers.length;

  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = `BẢNG TỔNG HỢP ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM ${year}`;
  ws.getCell(1, 1).font = { name: 'Times New Roman', bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = text(`${data.branch.name} — ${data.scheme.name}`);
  ws.getCell(2, 1).font = { name: 'Times New Roman', italic: true, size: 12 };
  ws.getCell(2, 1).alignment = { horizontal: 'center', wrapText: true };
  // Row 3: the criterion groups above their columns, so "30 / 70 điểm" reads at a glance.
  let col = 4;
  for (const group of ['general', 'tasks'] as const) {
    const n = criteria.filter((c) => c.group === group).length;
    const max = criteria.filter((c) => c.group === group).reduce((s, c) => s + c.maxPoints, 0);
    if (n > 0) {
      ws.mergeCells(3, col, 3, col + n - 1);
      ws.getCell(3, col).value = `${GROUP_LABELS[group]} (${max} điểm)`;
      col += n;
    }
  }
  const headerRow = ws.getRow(4);
  headers.forEach((h, i) => { headerRow.getCell(i + 1).value = h; });
  // Columns other than the criteria span both header rows.
  for (const c of [1, 2, 3, ...Array.from({ length: 4 }, (_, i) => last - 3 + i)]) {
    ws.getCell(3, c).value = headers[c - 1];
    ws.mergeCells(3, c, 4, c);
  }
  for (const r of [3, 4]) {
    ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: 'Times New Roman', bold: true, size: 11 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
  }
  headerRow.height = 78;

  data.rows.forEach((row, i) => {
    const e = row.evaluation;
    const values = [
      i + 1, text(row.member.fullName), text(row.member.cardNumber),
      ...criteria.map((c) => e?.scores[c.key] ?? null),
      e ? e.total : null, text(e?.gradeLabel ?? null), text(e?.reasons ?? null), STATUS_LABELS[e?.status ?? 'none'],
    ];
    const excelRow = ws.getRow(5 + i);
    values.forEach((v, j) => {
      const cell = excelRow.getCell(j + 1);
      cell.value = v;
      cell.border = BORDER;
      cell.font = { name: 'Times New Roman', size: 12 };
      cell.alignment = { vertical: 'top', wrapText: true, ...(j === 0 || (j >= 3 && j < 4 + criteria.length) ? { horizontal: 'center' } : {}) };
    });
    excelRow.getCell(3).numFmt = '@';
  });
  ws.columns.forEach((c, i) => { c.width = i === 0 ? 6 : i === 1 ? 26 : i === 2 ? 12 : i < 3 + criteria.length ? 14 : i === 3 + criteria.length ? 10 : i === last - 2 ? 36 : 16; });
  ws.views = [{ state: 'frozen', ySplit: 4, xSplit: 2 }];
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `Xếp loại đảng viên năm ${year} - ${data.branch.name}.xlsx`, buffer };
}
