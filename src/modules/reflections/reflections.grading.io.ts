/** Export of a branch's grades as XLSX, and import of a filled sheet: preview by row and column, then commit (all or none). */
import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db } from '../../kernel/db/client.js';
import { ForbiddenError, ValidationError } from '../../kernel/errors/app-error.js';
import { applyBulk, checkBulkMarker, planBulk, shownGrade, type BulkIssue, type BulkItem } from './reflections.grading.bulk.js';
import { branchContext, type GradingContext } from './reflections.grading.context.js';
import { queueEntries } from './reflections.grading.js';
import * as gradingRepo from './reflections.grading.repository.js';
import { isBlind } from './reflections.grading.state.js';
import { orderQueue, showEntry } from './reflections.grading.view.js';
import { COL, fold, readGradeSheet, writeGradeSheet, type ReadRow, type SheetIssue } from './reflections.grading.xlsx.js';

interface BranchQuery { campaignId: string; branchId: string; marker: number }

const STATUS: Record<string, string> = { none: 'Chưa chấm', draft: 'Đang chấm', submitted: 'Chờ duyệt', approved: 'Đã duyệt' };

async function gradingContext(db: Db, actor: Actor, q: BranchQuery) {
  const ctx = await branchContext(db, actor, q.campaignId, q.branchId);
  checkBulkMarker(ctx, q.marker);
  const entries = orderQueue(await queueEntries(db, actor, ctx), ctx.abilities.seeNames);
  const live = await gradingRepo.liveGradesOf(db, actor.tenantId, entries.flatMap((e) => (e.reflectionId ? [e.reflectionId] : [])));
  const liveOf = (e: gradingRepo.QueueEntry) => (e.reflectionId ? gradingRepo.liveOf(live.filter((g) => g.reflectionId === e.reflectionId), q.marker) : null);
  /** Blind second marking: the other person's grading of this entry is withheld from the sheet. */
  const sealedOf = (e: gradingRepo.QueueEntry, g: gradingRepo.GradeRow | null) => !!g && g.gradedBy !== actor.userId
    && isBlind(live.filter((x) => x.reflectionId === e.reflectionId), e.finalGrade, ctx.settings.secondMarker);
  return { ctx, entries, liveOf, sealedOf };
}

/** The identifier the sheet carries: the member, or under anonymous marking the reflection. */
const sheetId = (e: gradingRepo.QueueEntry, ctx: GradingContext) => (!ctx.abilities.seeNames && e.reflectionId ? e.reflectionId : e.memberId);

export async function exportGrades(db: Db, actor: Actor, q: BranchQuery) {
  const { ctx, entries, liveOf, sealedOf } = await gradingContext(db, actor, q);
  const rows = entries.map((e) => {
    const found = liveOf(e);
    const live = sealedOf(e, found) ? { ...found!, levels: {}, grade: null, comment: null } : found;
    const status = e.status === 'missing' ? 'Chưa nộp bài' : live?.correctionReason && live.status !== 'approved' ? 'Đang đính chính' : STATUS[live?.status ?? 'none'];
    return {
      label: showEntry(e, ctx.abilities.seeNames).label, cardNumber: showEntry(e, ctx.abilities.seeNames).cardNumber, submittedAt: e.submittedAt,
      levels: live?.levels ?? {}, grade: shownGrade(e, live, q.marker), comment: live?.comment ?? null, status, id: sheetId(e, ctx),
    };
  });
  const lines = [ctx.campaign.title, ctx.branchName, ...(ctx.settings.secondMarker ? [`Người chấm thứ ${q.marker === 2 ? 'hai' : 'nhất'}`] : [])];
  const bytes = await writeGradeSheet({ title: 'KẾT QUẢ CHẤM BÀI THU HOẠCH', lines, rubric: ctx.rubric, rows });
  await recordAudit(db, actor, actor.tenantId, { action: 'reflection.grades.export', entityType: 'org', entityId: q.branchId, after: { campaignId: q.campaignId, rows: rows.length } });
  return { fileName: `Ket-qua-cham-bai-thu-hoach - ${ctx.branchName}.xlsx`, bytes };
}

const RECEIPT = /BTH-\d{8}-[0-9A-F]{8}/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The row's reflection or member: by the id column, else the receipt number, card number or name; or a message. */
function identify(r: ReadRow, entries: gradingRepo.QueueEntry[], seeNames: boolean): { memberId?: string; reflectionId?: string } | SheetIssue {
  const visible = entries.filter((e) => seeNames || !e.reflectionId);
  if (r.id) {
    if (!UUID.test(r.id)) return { row: r.row, column: COL.id, message: 'Mã hồ sơ không hợp lệ (cột này không được sửa)' };
    if (entries.some((e) => e.reflectionId === r.id)) return { reflectionId: r.id };
    return { memberId: r.id };
  }
  const receipt = r.name && RECEIPT.exec(r.name)?.[0].toUpperCase();
  if (receipt) {
    const e = entries.find((x) => x.receiptNumber === receipt);
    return e?.reflectionId ? { reflectionId: e.reflectionId } : { row: r.row, column: COL.name, message: `Không có bài thu hoạch số ${receipt} trong chi bộ` };
  }
  if (r.card) {
    const e = visible.find((x) => x.cardNumber === r.card);
    return e ? { memberId: e.memberId } : { row: r.row, column: COL.card, message: `Không có đảng viên mang số thẻ ${r.card} trong danh sách của chi bộ` };
  }
  const same = visible.filter((x) => fold(x.fullName) === fold(r.name!));
  if (same.length === 1) return { memberId: same[0].memberId };
  return { row: r.row, column: COL.name, message: same.length ? `Có ${same.length} đảng viên cùng tên "${r.name}": ghi thêm số thẻ đảng viên` : `Không có đảng viên "${r.name}" trong danh sách của chi bộ` };
}

function columnOf(i: BulkIssue, item: BulkItem & { idColumn: string }, criteria: Map<string, string>) {
  if (i.field === 'target') return item.idColumn;
  if (i.field === 'levels') return criteria.get(i.criterion!) ?? COL.grade;
  return i.field === 'comment' ? COL.comment : COL.grade;
}

/** Reads the sheet and checks every row; with commit and no error, writes them all in one transaction. */
export async function importGrades(db: Db, actor: Actor, q: BranchQuery & { commit: boolean }, bytes: Buffer) {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new ValidationError('import.file_type', 'not a zip');
  const { ctx, entries } = await gradingContext(db, actor, q);
  if (!ctx.abilities.grade) throw new ForbiddenError('auth.forbidden', 'reflection.grade denied');
  const sheet = await readGradeSheet(bytes, ctx.rubric);
  const issues: SheetIssue[] = [...sheet.issues];
  const badRows = new Set(sheet.issues.map((i) => i.row));
  const items: Array<BulkItem & { idColumn: string }> = [];
  const skipped: ReadRow[] = [];
  for (const r of sheet.rows) {
    if (!r.grade && !r.levelsGiven) { skipped.push(r); continue; }
    const target = identify(r, entries, ctx.abilities.seeNames);
    if ('message' in target) { issues.push(target); continue; }
    if (badRows.has(r.row)) continue;
    const idColumn = r.id ? COL.id : r.card ? COL.card : COL.name;
    items.push({ line: r.row, ...target, grade: r.grade, levels: r.levelsGiven ? r.levels : undefined, comment: r.comment ?? undefined, idColumn });
  }
  const { planned, issues: planIssues } = await planBulk(db, actor, ctx, q.marker, items);
  const criteria = new Map(ctx.rubric.criteria.map((c) => [c.key, `(${c.key}) ${c.label}`]));
  for (const i of planIssues) issues.push({ row: i.line, column: columnOf(i, items.find((x) => x.line === i.line)!, criteria), message: i.message });
  issues.sort((a, b) => a.row - b.row);
  const label = (row: number) => sheet.rows.find((r) => r.row === row);
  const preview = {
    rows: sheet.rows.length, errors: issues,
    items: [
      ...planned.map((p) => ({ row: p.item.line, label: label(p.item.line)?.name ?? label(p.item.line)?.card ?? '', grade: p.grade, action: p.action })),
      ...skipped.map((r) => ({ row: r.row, label: r.name ?? r.card ?? '', grade: null, action: 'skip' as const })),
    ].sort((a, b) => a.row - b.row),
    skipped: skipped.length, saved: 0, unchanged: planned.filter((p) => p.action === 'unchanged').length, paperRecorded: 0,
  };
  if (!q.commit) return { committed: false, ...preview, saved: planned.filter((p) => p.action === 'save').length };
  if (issues.length) {
    throw new ValidationError('reflection.grades_rejected', `${issues.length} cells refused`, {
      errors: issues.map((i) => ({ path: `row ${i.row}${i.column ? `, ${i.column}` : ''}`, message: `Dòng ${i.row}${i.column ? `, cột ${i.column}` : ''}: ${i.message}` })),
    });
  }
  const result = await db.transaction(async (tx) => {
    const done = await applyBulk(tx, actor, ctx, q.marker, planned);
    await recordAudit(tx, actor, actor.tenantId, { action: 'reflection.grades.import', entityType: 'org', entityId: q.branchId, after: { campaignId: q.campaignId, marker: q.marker, ...done } });
    return done;
  });
  return { committed: true, ...preview, saved: result.saved, unchanged: result.unchanged, paperRecorded: result.paperRecorded };
}
