/**
 * Grading reflections on the campaign's rubric: the branch queue, one reflection with its grades, and the
 * steps draft → submitted → approved → (correction). Every step of one reflection runs in a transaction
 * that first locks the reflection row, so a double submit or a double approve has one effect; the status
 * changes are also conditional UPDATEs. See reflections.grading.state.ts for how corrections keep the
 * approved result in force.
 */
import type { Actor } from '../../kernel/access/actor.js';
import { scopeRoots } from '../../kernel/access/policy.js';
import { requireCampaignAccess } from '../campaigns/index.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError, type FieldIssue } from '../../kernel/errors/app-error.js';
import { branchContext, reflectionContext, type GradingContext } from './reflections.grading.context.js';
import * as gradingRepo from './reflections.grading.repository.js';
import { gradeStatusOf, isBlind, MARKER_NAME, markersNotReady, readyToApprove } from './reflections.grading.state.js';
import { gradesAsSeen, orderQueue, showEntry, toQueueRow, type GradeViewer } from './reflections.grading.view.js';
import * as repo from './reflections.repository.js';
import { missingCriteria, suggestGrade, type Rubric } from './reflections.rubric.js';

type GradeRow = gradingRepo.GradeRow;

export async function gradingQueue(db: Db, actor: Actor, campaignId: string, branchId: string) {
  const ctx = await branchContext(db, actor, campaignId, branchId);
  const entries = orderQueue(await queueEntries(db, actor, ctx), ctx.abilities.seeNames);
  const live = await gradingRepo.liveGradesOf(db, actor.tenantId, entries.flatMap((e) => (e.reflectionId ? [e.reflectionId] : [])));
  const names = await gradingRepo.userNames(db, actor.tenantId, live.map((g) => g.gradedBy));
  const view = { viewerId: actor.userId, rubric: ctx.rubric, names, seeNames: ctx.abilities.seeNames, secondMarker: ctx.settings.secondMarker };
  return {
    campaignId, branchId, branchName: ctx.branchName, rubric: ctx.rubric, secondMarker: ctx.settings.secondMarker,
    anonymousMarking: ctx.settings.anonymousMarking, abilities: ctx.abilities,
    rows: entries.map((e) => toQueueRow(e, live.filter((g) => g.reflectionId === e.reflectionId), view)),
  };
}

/** The branches whose reflections the actor grades or approves in the campaign, for the branch picker. */
export async function gradingBranches(db: Db, actor: Actor, campaignId: string) {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  const roots = [...new Set([...scopeRoots(actor, 'reflection.grade'), ...scopeRoots(actor, 'reflection.approve')])];
  return gradingRepo.gradingBranches(db, { tenantId: actor.tenantId, campaignOrgId: campaign.orgId, roots });
}

export function queueEntries(exec: Executor, actor: Actor, ctx: GradingContext) {
  return gradingRepo.branchQueue(exec, {
    tenantId: actor.tenantId, campaignId: ctx.campaign.id, branchId: ctx.branchId, writers: ctx.settings.writers, withExempt: ctx.withExempt,
  });
}

/** One reflection for the grading screen: its versions, every grade row, and its neighbours in the queue. */
export async function reflectionForGrading(db: Db, actor: Actor, id: string) {
  const { row, ctx } = await reflectionContext(db, actor, id, 'read');
  const entries = orderQueue(await queueEntries(db, actor, ctx), ctx.abilities.seeNames).filter((e) => e.reflectionId);
  const at = entries.findIndex((e) => e.reflectionId === id);
  const entry = entries[at];
  const grades = await gradingRepo.gradesOf(db, actor.tenantId, id);
  const names = await gradingRepo.userNames(db, actor.tenantId, grades.map((g) => g.gradedBy));
  const versions = await repo.versionsOf(db, actor.tenantId, id);
  const shown = entry ? showEntry(entry, ctx.abilities.seeNames) : { memberId: null, fullName: null, label: '' };
  return {
    reflection: {
      id, campaignId: row.campaignId, campaignTitle: ctx.campaign.title, branchId: row.branchId, branchName: ctx.branchName,
      memberId: shown.memberId, fullName: shown.fullName, label: shown.label, status: row.status as 'submitted' | 'paper',
      submittedAt: row.submittedAt?.toISOString() ?? null, currentVersionId: row.currentVersionId,
      gradeStatus: row.gradeStatus as gradingRepo.GradeStatus, finalGrade: row.finalGrade, gradedAt: row.gradedAt?.toISOString() ?? null,
      versions: [...versions].sort((a, b) => b.seq - a.seq).map((v) => ({
        id: v.id, seq: v.seq, text: v.text, recommendations: v.recommendations, pages: v.pages,
        pdf: v.pdfHash ? { fileHash: v.pdfHash, bytes: v.pdfBytes ?? 0 } : null, source: v.source as 'member' | 'branch' | 'paper',
        submittedAt: v.submittedAt.toISOString(), receiptNumber: v.receiptNumber,
      })),
    },
    grades: gradesAsSeen(grades, row.finalGrade, viewer(actor, ctx, names)),
    rubric: ctx.rubric, secondMarker: ctx.settings.secondMarker, anonymousMarking: ctx.settings.anonymousMarking, abilities: ctx.abilities,
    readyToApprove: readyToApprove(grades.filter((g) => g.status !== 'superseded'), ctx.settings.secondMarker),
    queue: { prev: entries[at - 1]?.reflectionId ?? null, next: entries[at + 1]?.reflectionId ?? null, position: at + 1, total: entries.length },
  };
}

const viewer = (actor: Actor, ctx: GradingContext, names: Map<string, string>): GradeViewer =>
  ({ viewerId: actor.userId, rubric: ctx.rubric, names, secondMarker: ctx.settings.secondMarker });

/** One grade row as the actor may see it (sealed under blind marking unless it is the actor's own). */
async function shown(tx: Executor, actor: Actor, ctx: GradingContext, g: GradeRow, finalGrade: string | null) {
  const all = await gradingRepo.gradesOf(tx, actor.tenantId, g.reflectionId);
  const names = await gradingRepo.userNames(tx, actor.tenantId, [g.gradedBy]);
  return gradesAsSeen(all, finalGrade, viewer(actor, ctx, names)).find((v) => v.id === g.id)!;
}

/**
 * Under blind marking nobody acts on a marker's grading they cannot see: another person's draft is
 * neither overwritten nor sent for approval in their name.
 */
function checkNotSealed(ctx: GradingContext, actor: Actor, row: gradingRepo.ReflectionRow, grades: GradeRow[], live: GradeRow | null) {
  if (!live || live.gradedBy === actor.userId) return;
  if (!isBlind(grades.filter((g) => g.status !== 'superseded'), row.finalGrade, ctx.settings.secondMarker)) return;
  throw new RuleViolationError('reflection.other_marker', `marker ${live.marker} is graded by ${live.gradedBy}`, {
    title: `${MARKER_NAME(live.marker)} của bài này là đồng chí khác; chấm độc lập nên đồng chí không xem, sửa hay gửi được phiếu chấm đó`,
  });
}

export interface GradeInput { levels: Record<string, string>; criterionComments: Record<string, string>; comment?: string | null; grade?: string | null }

/** Levels, comments and grade checked against the rubric; Vietnamese issues with their paths. */
export function checkGradeInput(rubric: Rubric, input: { levels?: Record<string, string>; criterionComments?: Record<string, string>; grade?: string | null }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const criteria = new Set(rubric.criteria.map((c) => c.key));
  const levels = new Set(rubric.levels.map((l) => l.key));
  for (const [criterion, level] of Object.entries(input.levels ?? {})) {
    if (!criteria.has(criterion)) issues.push({ path: `levels.${criterion}`, message: `Tiêu chí "${criterion}" không có trong thang đánh giá` });
    else if (!levels.has(level)) issues.push({ path: `levels.${criterion}`, message: `Mức "${level}" không có trong thang đánh giá (${rubric.levels.map((l) => l.label).join(', ')})` });
  }
  for (const criterion of Object.keys(input.criterionComments ?? {})) {
    if (!criteria.has(criterion)) issues.push({ path: `criterionComments.${criterion}`, message: `Tiêu chí "${criterion}" không có trong thang đánh giá` });
  }
  if (input.grade && !rubric.grades.some((g) => g.key === input.grade)) {
    issues.push({ path: 'grade', message: `Xếp loại "${input.grade}" không có trong thang đánh giá (${rubric.grades.map((g) => g.label).join(', ')})` });
  }
  return issues;
}

function checkMarker(ctx: GradingContext, marker: number) {
  if (marker === 2 && !ctx.settings.secondMarker) throw new RuleViolationError('reflection.no_second_marker', 'second marker off');
}

export function lockedError(g: GradeRow) {
  return new ConflictError('reflection.grade_locked', `grade ${g.id} is ${g.status}`, {
    title: g.status === 'approved'
      ? 'Kết quả chấm đã được Bí thư chi bộ duyệt và đã khóa. Muốn sửa, hãy lập phiếu đính chính và ghi rõ lý do.'
      : 'Phiếu chấm đã gửi Bí thư chi bộ duyệt nên không sửa được nữa.',
  });
}

/** Steps on one reflection: the reflection row locked first, its grade rows read after the lock. */
async function onLocked<T>(db: Db, actor: Actor, id: string, step: (tx: Executor, row: gradingRepo.ReflectionRow, grades: GradeRow[]) => Promise<T>) {
  return db.transaction(async (tx) => {
    const row = await gradingRepo.lockReflectionById(tx, actor.tenantId, id);
    if (!row) throw new NotFoundError('reflection.not_found', `reflection ${id}`);
    return step(tx, row, await gradingRepo.gradesOf(tx, actor.tenantId, id));
  });
}

/** Keeps reflections.grade_status in step with the live grade rows (stats read it). */
export async function syncGradeStatus(tx: Executor, tenantId: string, row: gradingRepo.ReflectionRow, secondMarker: boolean) {
  const live = (await gradingRepo.gradesOf(tx, tenantId, row.id)).filter((g) => g.status !== 'superseded');
  const gradeStatus = gradeStatusOf(live, row.finalGrade, secondMarker);
  if (gradeStatus !== row.gradeStatus) await gradingRepo.setGradeState(tx, tenantId, row.id, { gradeStatus });
  return gradeStatus;
}

/** Saves a marker's draft; the grade defaults to the one the levels suggest. */
export async function saveDraft(db: Db, actor: Actor, id: string, marker: number, input: GradeInput) {
  const { ctx } = await reflectionContext(db, actor, id, 'reflection.grade');
  checkMarker(ctx, marker);
  const issues = checkGradeInput(ctx.rubric, input);
  if (issues.length) throw new ValidationError('validation.failed', 'grade does not fit the rubric', { errors: issues });
  const content = {
    levels: input.levels, criterionComments: Object.fromEntries(Object.entries(input.criterionComments).filter(([, v]) => v)),
    comment: input.comment || null, grade: input.grade ?? suggestGrade(ctx.rubric, input.levels),
  };
  return onLocked(db, actor, id, async (tx, row, grades) => {
    const live = gradingRepo.liveOf(grades, marker);
    checkNotSealed(ctx, actor, row, grades, live);
    if (live && live.status !== 'draft') throw lockedError(live);
    const other = gradingRepo.liveOf(grades, 3 - marker);
    if (ctx.settings.secondMarker && other?.gradedBy === actor.userId) throw new RuleViolationError('reflection.same_marker', `user ${actor.userId} is the other marker`);
    const saved = live
      ? await gradingRepo.updateDraft(tx, actor.tenantId, live.id, { ...content, gradedBy: actor.userId, versionId: row.currentVersionId })
      : await gradingRepo.insertGrade(tx, { ...content, tenantId: actor.tenantId, reflection: row, marker, revision: gradingRepo.nextRevision(grades, marker), status: 'draft', gradedBy: actor.userId });
    if (!saved) throw lockedError(live!);
    const gradeStatus = await syncGradeStatus(tx, actor.tenantId, row, ctx.settings.secondMarker);
    await recordAudit(tx, actor, actor.tenantId, { action: 'reflection.grade.save', entityType: 'reflection', entityId: id, before: live, after: saved });
    return { replayed: false, grade: await shown(tx, actor, ctx, saved, row.finalGrade), gradeStatus, finalGrade: row.finalGrade };
  });
}

/** The marker's draft goes to the secretary: every criterion must have a level. Submitting again changes nothing. */
export async function submitGrade(db: Db, actor: Actor, id: string, marker: number) {
  const { ctx } = await reflectionContext(db, actor, id, 'reflection.grade');
  checkMarker(ctx, marker);
  return onLocked(db, actor, id, async (tx, row, grades) => {
    const live = gradingRepo.liveOf(grades, marker);
    if (!live) throw new RuleViolationError('reflection.grade_not_found', `no grade of marker ${marker}`, { title: `${MARKER_NAME(marker)} chưa chấm bài thu hoạch này` });
    if (live.status !== 'draft') return { replayed: true, grade: await shown(tx, actor, ctx, live, row.finalGrade), gradeStatus: row.gradeStatus as gradingRepo.GradeStatus, finalGrade: row.finalGrade };
    checkNotSealed(ctx, actor, row, grades, live);
    const missing = missingCriteria(ctx.rubric, live.levels);
    if (missing.length) {
      throw new ValidationError('reflection.grade_incomplete', `missing ${missing.map((c) => c.key).join(',')}`, {
        title: `Chưa chọn mức đánh giá cho tiêu chí: ${missing.map((c) => `(${c.key}) ${c.label}`).join('; ')}`,
        errors: missing.map((c) => ({ path: `levels.${c.key}`, message: `Chưa chọn mức đánh giá cho tiêu chí (${c.key}) ${c.label}` })),
      });
    }
    const submitted = await gradingRepo.submitDraft(tx, actor.tenantId, live.id, live.grade ?? suggestGrade(ctx.rubric, live.levels));
    if (!submitted) return { replayed: true, grade: await shown(tx, actor, ctx, live, row.finalGrade), gradeStatus: row.gradeStatus as gradingRepo.GradeStatus, finalGrade: row.finalGrade };
    const gradeStatus = await syncGradeStatus(tx, actor.tenantId, row, ctx.settings.secondMarker);
    await recordAudit(tx, actor, actor.tenantId, { action: 'reflection.grade.submit', entityType: 'reflection', entityId: id, before: { status: live.status }, after: submitted });
    return { replayed: false, grade: await shown(tx, actor, ctx, submitted, row.finalGrade), gradeStatus, finalGrade: row.finalGrade };
  });
}

/**
 * The branch secretary approves: every required marker must have submitted; the final grade is the one
 * given, else the first marker's. Approving again (or concurrently) changes nothing the second time.
 */
export async function approveGrades(db: Db, actor: Actor, id: string, body: { grade?: string }) {
  const { ctx } = await reflectionContext(db, actor, id, 'reflection.approve');
  if (body.grade && !ctx.rubric.grades.some((g) => g.key === body.grade)) {
    throw new ValidationError('validation.failed', 'unknown grade', { errors: checkGradeInput(ctx.rubric, { grade: body.grade }) });
  }
  return onLocked(db, actor, id, async (tx, row, grades) => {
    const live = grades.filter((g) => g.status !== 'superseded');
    const names = await gradingRepo.userNames(tx, actor.tenantId, grades.map((g) => g.gradedBy));
    const view = () => gradesAsSeen(grades, row.finalGrade, viewer(actor, ctx, names));
    const notReady = markersNotReady(live, ctx.settings.secondMarker);
    if (notReady.length) {
      throw new RuleViolationError('reflection.not_ready', `markers ${notReady.join(',')} not submitted`, {
        title: `Chưa duyệt được: ${notReady.map((m) => MARKER_NAME(m).toLowerCase()).join(' và ')} chưa gửi phiếu chấm`,
      });
    }
    const pending = live.filter((g) => g.status === 'submitted');
    if (pending.length === 0) {
      return { replayed: true, gradeStatus: row.gradeStatus as gradingRepo.GradeStatus, finalGrade: row.finalGrade, gradedAt: row.gradedAt?.toISOString() ?? null, grades: view() };
    }
    const approved = await gradingRepo.approveSubmitted(tx, actor.tenantId, pending.map((g) => g.id), actor.userId);
    if (approved.length === 0) {
      return { replayed: true, gradeStatus: row.gradeStatus as gradingRepo.GradeStatus, finalGrade: row.finalGrade, gradedAt: row.gradedAt?.toISOString() ?? null, grades: view() };
    }
    const finalGrade = body.grade ?? gradingRepo.liveOf(live, 1)!.grade!;
    const gradedAt = new Date();
    await gradingRepo.setGradeState(tx, actor.tenantId, id, { gradeStatus: 'approved', finalGrade, gradedAt });
    await recordAudit(tx, actor, actor.tenantId, {
      action: 'reflection.grade.approve', entityType: 'reflection', entityId: id,
      before: { finalGrade: row.finalGrade, gradeStatus: row.gradeStatus }, after: { finalGrade, grades: approved.map((g) => g.id) },
    });
    const fresh = await gradingRepo.gradesOf(tx, actor.tenantId, id);
    return { replayed: false, gradeStatus: 'approved' as const, finalGrade, gradedAt: gradedAt.toISOString(), grades: gradesAsSeen(fresh, finalGrade, viewer(actor, ctx, names)) };
  });
}

/**
 * A correction of an approved grading: a new draft revision (prefilled with the approved one) with its
 * reason. The approved row is superseded now; the reflection's final grade stays until re-approval.
 */
export async function correctGrade(db: Db, actor: Actor, id: string, body: { marker: 1 | 2; reason: string }) {
  const { ctx } = await reflectionContext(db, actor, id, 'reflection.grade');
  checkMarker(ctx, body.marker);
  return onLocked(db, actor, id, async (tx, row, grades) => {
    const live = gradingRepo.liveOf(grades, body.marker);
    if (!live || live.status !== 'approved') {
      throw new RuleViolationError('reflection.not_approved', `marker ${body.marker} not approved`, live?.correctionReason && live.status !== 'approved'
        ? { title: 'Đã có phiếu đính chính đang chờ duyệt: sửa trực tiếp phiếu đó' } : {});
    }
    await gradingRepo.supersedeApproved(tx, actor.tenantId, live.id);
    const created = await gradingRepo.insertGrade(tx, {
      tenantId: actor.tenantId, reflection: row, marker: body.marker, revision: gradingRepo.nextRevision(grades, body.marker), status: 'draft',
      gradedBy: actor.userId, levels: live.levels, criterionComments: live.criterionComments, comment: live.comment, grade: live.grade,
      correctionReason: body.reason,
    });
    const gradeStatus = await syncGradeStatus(tx, actor.tenantId, row, ctx.settings.secondMarker);
    await recordAudit(tx, actor, actor.tenantId, { action: 'reflection.grade.correct', entityType: 'reflection', entityId: id, before: live, after: created });
    return { replayed: false, grade: await shown(tx, actor, ctx, created, row.finalGrade), gradeStatus, finalGrade: row.finalGrade };
  });
}
