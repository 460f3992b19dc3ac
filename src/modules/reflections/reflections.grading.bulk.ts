/**
 * Grades decided on paper, entered as a table (or imported from a sheet): each row saves and submits one
 * marker's grading, recording a paper hand-in first when the member has no reflection yet. Every row is
 * checked before anything is written; then one transaction writes all rows, or none.
 *
 * Transcribing the committee's paper decisions, the same person may enter both markers' rows: the rule
 * that a second marker differs from the first applies to grading on screen only.
 */
import type { Actor } from '../../kernel/access/actor.js';
import { can } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { ForbiddenError, RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import { findMember } from '../members/index.js';
import { branchContext, type GradingContext } from './reflections.grading.context.js';
import { checkGradeInput, queueEntries, syncGradeStatus } from './reflections.grading.js';
import * as gradingRepo from './reflections.grading.repository.js';
import * as repo from './reflections.repository.js';
import { suggestGrade } from './reflections.rubric.js';
import { toVersion } from './reflections.view.js';

export interface BulkItem {
  /** The row number shown in messages (the table's row, or the sheet's). */
  line: number;
  memberId?: string; reflectionId?: string;
  grade?: string | null; levels?: Record<string, string>; comment?: string | null;
}
export interface BulkIssue { line: number; field: 'target' | 'grade' | 'levels' | 'comment'; criterion?: string; message: string }

type Entry = gradingRepo.QueueEntry;
interface Planned {
  item: BulkItem; grade: string; action: 'save' | 'unchanged';
  reflectionId: string | null; memberId: string;
}

/** The grade a sheet shows for a marker: the approved final grade for the first marker, else the marker's own. */
export function shownGrade(entry: { finalGrade: string | null }, live: gradingRepo.GradeRow | null, marker: number) {
  if (marker === 1 && entry.finalGrade && live?.status === 'approved') return entry.finalGrade;
  return live?.grade ?? null;
}

const sameLevels = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Whether a row repeats what the locked grading already says (a table sent twice is taken as unchanged). */
function sameAs(entry: { finalGrade: string | null }, current: gradingRepo.GradeRow, marker: number, item: BulkItem & { grade: string }) {
  return shownGrade(entry, current, marker) === item.grade && (!item.levels || sameLevels(item.levels, current.levels))
    && (item.comment === undefined || (item.comment || null) === (current.comment || null));
}

/** Resolves and checks every row against the branch queue; nothing is written. */
export async function planBulk(db: Db, actor: Actor, ctx: GradingContext, marker: number, items: BulkItem[]) {
  const issues: BulkIssue[] = [];
  const entries = await queueEntries(db, actor, ctx);
  const live = await gradingRepo.liveGradesOf(db, actor.tenantId, entries.flatMap((e) => (e.reflectionId ? [e.reflectionId] : [])));
  const seen = new Set<string>();
  const planned: Planned[] = [];
  const canCollect = await can(db, actor, 'reflection.collect', ctx.branchId);
  for (const item of items) {
    const issue = (field: BulkIssue['field'], message: string, criterion?: string) => issues.push({ line: item.line, field, message, criterion });
    const target = await resolveTarget(db, actor, ctx, entries, item);
    if (typeof target === 'string') { issue('target', target); continue; }
    const key = target.reflectionId ?? target.memberId;
    if (seen.has(key)) { issue('target', 'Trùng với một dòng trước trong bảng'); continue; }
    seen.add(key);
    const fieldIssues = checkGradeInput(ctx.rubric, { levels: item.levels, grade: item.grade });
    for (const f of fieldIssues) {
      const criterion = f.path.startsWith('levels.') ? f.path.slice(7) : undefined;
      issue(criterion ? 'levels' : 'grade', f.message, criterion);
    }
    if (fieldIssues.length) continue;
    const grade = item.grade ?? suggestGrade(ctx.rubric, item.levels ?? {});
    if (!grade) { issue('grade', 'Chưa có xếp loại (hoặc chưa đánh giá đủ các tiêu chí để gợi ý xếp loại)'); continue; }
    if (!target.reflectionId && !canCollect) { issue('target', 'Đồng chí không có quyền ghi nhận bài nộp trên giấy'); continue; }
    const current = target.reflectionId ? gradingRepo.liveOf(live.filter((g) => g.reflectionId === target.reflectionId), marker) : null;
    let action: Planned['action'] = 'save';
    if (current && current.status !== 'draft') {
      if (!sameAs(target, current, marker, { ...item, grade })) {
        issue('grade', current.status === 'approved'
          ? 'Kết quả đã được duyệt và khóa, không sửa qua bảng: hãy lập phiếu đính chính'
          : 'Phiếu chấm đã gửi duyệt, không sửa được nữa');
        continue;
      }
      action = 'unchanged';
    }
    planned.push({ item, grade, action, reflectionId: target.reflectionId, memberId: target.memberId });
  }
  return { planned, issues };
}

/** The queue entry a row names; under anonymous marking a marker names reflections only by their id. */
export async function resolveTarget(db: Db, actor: Actor, ctx: GradingContext, entries: Entry[], item: BulkItem): Promise<Entry | string> {
  if (!item.memberId === !item.reflectionId) return 'Cần đúng một trong hai: mã đảng viên hoặc mã bài thu hoạch';
  if (item.reflectionId) return entries.find((e) => e.reflectionId === item.reflectionId) ?? 'Bài thu hoạch không thuộc chi bộ này';
  const seeNames = ctx.abilities.seeNames;
  const queued = entries.find((e) => e.memberId === item.memberId && (seeNames || !e.reflectionId));
  if (queued) return queued;
  // A member of the branch not expected to write (e.g. did not attend) may still hand in on paper.
  const member = await findMember(db, actor.tenantId, item.memberId!);
  if (!member || member.branchId !== ctx.branchId || member.leftAt) return 'Đảng viên không sinh hoạt tại chi bộ này';
  const entry: Entry = {
    reflectionId: null, memberId: member.id, fullName: member.fullName, cardNumber: null, nameKey: '', status: 'missing', submittedAt: null,
    receiptNumber: null, source: null, pages: 0, hasPdf: false, hasText: false, versions: 0, gradeStatus: 'ungraded', finalGrade: null, gradedAt: null,
  };
  const found = await repo.findReflection(db, actor.tenantId, ctx.campaign.id, member.id);
  if (!found) return entry;
  if (found.branchId !== ctx.branchId) return seeNames ? 'Bài thu hoạch của đảng viên do chi bộ khác thu nhận' : 'Đảng viên đã nộp bài: chấm theo số biên nhận (chấm ẩn danh)';
  // Under anonymous marking a member is named only for a hand-in on paper, which hides nothing.
  if (!seeNames && found.status !== 'paper') return 'Đảng viên đã nộp bài: chấm theo số biên nhận (chấm ẩn danh)';
  // Collected by this branch after the queue was read (the same table sent twice at once): the row grades it,
  // and writing finds out under its lock whether the other table already did.
  return { ...entry, reflectionId: found.id, status: found.status === 'paper' ? 'paper' : 'submitted', finalGrade: found.finalGrade };
}

/** Writes the planned rows in the caller's transaction: paper hand-ins first where needed, then submitted grades. */
export async function applyBulk(tx: Executor, actor: Actor, ctx: GradingContext, marker: number, planned: Planned[]) {
  let saved = 0; let unchanged = 0; let paperRecorded = 0;
  // Rows locked in one order (by member) whatever the table's order, so two tables at once cannot deadlock.
  for (const p of [...planned].sort((a, b) => a.memberId.localeCompare(b.memberId))) {
    if (p.action === 'unchanged') { unchanged++; continue; }
    let row = p.reflectionId ? await gradingRepo.lockReflectionById(tx, actor.tenantId, p.reflectionId) : null;
    if (!row) {
      const created = await repo.lockReflection(tx, { tenantId: actor.tenantId, campaignId: ctx.campaign.id, memberId: p.memberId, branchId: ctx.branchId });
      if ((await repo.versionsOf(tx, actor.tenantId, created.id)).length === 0) {
        const version = await repo.appendVersion(tx, actor.tenantId, created.id, {
          text: null, recommendations: null, pages: [], pdf: null, source: 'paper', submittedBy: actor.userId, idempotencyKey: null,
        });
        await recordAudit(tx, actor, actor.tenantId, { action: 'reflection.paper', entityType: 'reflection', entityId: created.id, after: toVersion(version) });
        paperRecorded++;
      }
      row = (await gradingRepo.lockReflectionById(tx, actor.tenantId, created.id))!;
    }
    const grades = await gradingRepo.gradesOf(tx, actor.tenantId, row.id);
    const live = gradingRepo.liveOf(grades, marker);
    if (live && live.status !== 'draft') {
      // The same table sent twice at once: the second finds its rows already written.
      if (sameAs(row, live, marker, { ...p.item, grade: p.grade })) { unchanged++; continue; }
      // Changed since the rows were checked (someone submitted meanwhile): nothing of the table is kept.
      throw new ValidationError('reflection.grades_rejected', `row ${p.item.line} changed meanwhile`, {
        errors: [{ path: `rows.${p.item.line - 1}.grade`, message: `Dòng ${p.item.line}: phiếu chấm vừa được gửi duyệt, hãy tải lại bảng` }],
      });
    }
    const content = {
      levels: p.item.levels ?? live?.levels ?? {}, criterionComments: live?.criterionComments ?? {},
      comment: p.item.comment === undefined ? live?.comment ?? null : p.item.comment || null, grade: p.grade,
    };
    const written = live
      ? await gradingRepo.updateDraft(tx, actor.tenantId, live.id, { ...content, gradedBy: actor.userId, versionId: row.currentVersionId, submit: true })
      : await gradingRepo.insertGrade(tx, { ...content, tenantId: actor.tenantId, reflection: row, marker, revision: gradingRepo.nextRevision(grades, marker), status: 'submitted', gradedBy: actor.userId });
    await syncGradeStatus(tx, actor.tenantId, row, ctx.settings.secondMarker);
    await recordAudit(tx, actor, actor.tenantId, { action: 'reflection.grade.submit', entityType: 'reflection', entityId: row.id, before: live, after: { ...written, via: 'table' } });
    saved++;
  }
  return { rows: planned.length, saved, unchanged, paperRecorded };
}

export function checkBulkMarker(ctx: GradingContext, marker: number) {
  if (marker === 2 && !ctx.settings.secondMarker) throw new RuleViolationError('reflection.no_second_marker', 'second marker off');
}

const issuePath = (i: BulkIssue, item?: BulkItem) =>
  `rows.${i.line - 1}.${i.field === 'target' ? (item?.reflectionId ? 'reflectionId' : 'memberId') : i.field === 'levels' ? `levels.${i.criterion}` : i.field}`;

/** Table entry of paper grades for one branch and marker: all rows, or none with every row's problem. */
export async function bulkGrades(db: Db, actor: Actor, body: { campaignId: string; branchId: string; marker: 1 | 2; rows: Omit<BulkItem, 'line'>[] }) {
  const ctx = await branchContext(db, actor, body.campaignId, body.branchId);
  if (!ctx.abilities.grade) throw new ForbiddenError('auth.forbidden', 'reflection.grade denied');
  checkBulkMarker(ctx, body.marker);
  const items = body.rows.map((r, i) => ({ ...r, line: i + 1 }));
  const { planned, issues } = await planBulk(db, actor, ctx, body.marker, items);
  if (issues.length) {
    throw new ValidationError('reflection.grades_rejected', `${issues.length} rows refused`, {
      errors: issues.map((i) => ({ path: issuePath(i, items[i.line - 1]), message: `Dòng ${i.line}: ${i.message}` })),
    });
  }
  return db.transaction((tx) => applyBulk(tx, actor, ctx, body.marker, planned));
}
