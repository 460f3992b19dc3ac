import type { Actor } from '../../kernel/access/actor.js';
import { can, requireAccess, requireMemberAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db } from '../../kernel/db/client.js';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import { findMember } from '../members/index.js';
import { evidenceOf, linkableIds } from './evaluations.evidence.js';
import * as repo from './evaluations.repository.js';
import { checkScheme, checkScores, gradeFor, totalOf } from './evaluations.rules.js';
import { requireBranch, requireScheme, schemesById } from './evaluations.access.js';
import { ensureDefaultScheme, insertScheme, listSchemes as allSchemes, schemeForYear, type Scheme } from './evaluations.scheme.js';
import type { EvidenceLink } from './evaluations.table.js';
import { packScores, toEvaluation, toEvidence } from './evaluations.view.js';

export { approve } from './evaluations.approve.js';

/** The rules are public to every signed-in user; with a year, only the scheme that applies to it. */
export async function listSchemes(db: Db, actor: Actor, year?: number): Promise<Scheme[]> {
  await ensureDefaultScheme(db, actor.tenantId, actor);
  if (year === undefined) return allSchemes(db, actor.tenantId);
  const scheme = await schemeForYear(db, actor.tenantId, year);
  return scheme ? [scheme] : [];
}

/** A new rule as data; decided for the whole province (org.manage on the root: its secretary, Ban Tổ chức, admin). */
export async function createScheme(db: Db, actor: Actor, body: Omit<Scheme, 'id' | 'createdAt'>): Promise<Scheme> {
  const rootId = await repo.findRootOrgId(db, actor.tenantId);
  if (!rootId) throw new NotFoundError('org.not_found', 'tenant has no root');
  await requireAccess(db, actor, 'org.manage', rootId);
  const errors = checkScheme(body);
  if (errors.length) throw new ValidationError('validation.failed', 'invalid scheme', { errors, title: errors[0].message });
  await ensureDefaultScheme(db, actor.tenantId, actor);
  return db.transaction(async (tx) => {
    const scheme = await insertScheme(tx, actor.tenantId, body);
    if (!scheme) throw new ConflictError('evaluation.scheme_exists', `scheme ${body.code}`);
    await recordAudit(tx, actor, actor.tenantId, { action: 'evaluation_scheme.create', entityType: 'evaluation_scheme', entityId: scheme.id, after: scheme });
    return scheme;
  });
}

/** The branch's sheet: every active member, their evaluation of the year and their study evidence, live. */
export async function sheet(db: Db, actor: Actor, branchId: string, year: number) {
  const branch = await requireBranch(db, actor, 'evaluation.manage', branchId);
  const scheme = await requireScheme(db, actor, year);
  const members = await repo.activeMembersOf(db, actor.tenantId, branchId);
  const ids = members.map((m) => m.id);
  const rows = new Map((await repo.evaluationsOf(db, actor.tenantId, ids, year)).map((r) => [r.memberId, r]));
  const evidence = await evidenceOf(db, actor.tenantId, ids, year);
  const schemes = await schemesById(db, actor.tenantId);
  return {
    branch: { id: branch.id, name: branch.name }, year, scheme,
    canManage: true, canApprove: await can(db, actor, 'evaluation.approve', branchId), actionPlansTracked: false,
    rows: members.map((member) => {
      const row = rows.get(member.id);
      return { member, evaluation: row ? toEvaluation(row, schemes) : null, evidence: toEvidence(evidence.get(member.id)!) };
    }),
  };
}

/** The signed-in member's own evaluation: the result once the secretary approved it, and their evidence. */
export async function mine(db: Db, actor: Actor, year: number) {
  const member = actor.memberId ? await findMember(db, actor.tenantId, actor.memberId) : null;
  if (!member) throw new NotFoundError('member.not_found', 'actor is not a member');
  await ensureDefaultScheme(db, actor.tenantId, actor);
  const row = await repo.findEvaluation(db, actor.tenantId, member.id, year);
  const schemes = await schemesById(db, actor.tenantId);
  const scheme = (row && schemes.get(row.schemeId)) || (await schemeForYear(db, actor.tenantId, year));
  const evidence = (await evidenceOf(db, actor.tenantId, [member.id], year)).get(member.id)!;
  const status = (row?.status ?? 'none') as 'none' | 'draft' | 'approved';
  return {
    year, scheme: scheme ?? null, member: { id: member.id, fullName: member.fullName }, status,
    evaluation: row && status === 'approved' ? toEvaluation(row, schemes) : null, evidence: toEvidence(evidence),
  };
}

export interface SaveInput {
  scores: Record<string, number>; confirmations: string[]; reasons: string | null; evidence: EvidenceLink[]; grade?: string;
}

/** Saves the branch's draft: the server computes total and grade; an approved evaluation is locked. */
export async function save(db: Db, actor: Actor, memberId: string, year: number, input: SaveInput) {
  const member = await findMember(db, actor.tenantId, memberId);
  if (!member) throw new NotFoundError('member.not_found', `member ${memberId}`);
  await requireMemberAccess(db, actor, 'evaluation.manage', member);
  if (member.leftAt) throw new RuleViolationError('evaluation.member_left', `member ${memberId} left`);
  const scheme = await requireScheme(db, actor, year);
  const confirmations = [...new Set(input.confirmations)];
  const issues = checkScores(scheme, input.scores, confirmations);
  if (issues.length) throw new ValidationError('validation.failed', 'invalid scores', { errors: issues, title: issues[0].message });
  const total = totalOf(scheme, input.scores);
  const grade = gradeFor(scheme, total, confirmations);
  if (input.grade !== undefined && input.grade !== grade.key) {
    throw new RuleViolationError('evaluation.grade_mismatch', `grade ${input.grade} for total ${total}`, { params: { total, grade: grade.key, gradeLabel: grade.label } });
  }
  const evidence = await checkEvidence(db, actor.tenantId, memberId, year, input.evidence);
  const schemes = await schemesById(db, actor.tenantId);
  return db.transaction(async (tx) => {
    const locked = await repo.lockEvaluation(tx, { tenantId: actor.tenantId, memberId, year, schemeId: scheme.id, branchId: member.branchId, evaluatedBy: actor.userId });
    if (locked.status !== 'draft') throw new RuleViolationError('evaluation.locked', `evaluation ${locked.id} is ${locked.status}`);
    const before = toEvaluation(locked, schemes);
    const row = await repo.updateDraft(tx, actor.tenantId, locked.id, {
      schemeId: scheme.id, branchId: member.branchId, scores: packScores(input.scores, confirmations), total, grade: grade.key,
      reasons: input.reasons?.trim() || null, evidence, evaluatedBy: actor.userId,
    });
    const after = toEvaluation(row!, schemes);
    await recordAudit(tx, actor, actor.tenantId, { action: 'evaluation.save', entityType: 'member_evaluation', entityId: row!.id, before, after });
    return after;
  });
}

/** Each link must point at a record of this member in this year; the campaign is taken from the record. */
async function checkEvidence(db: Db, tenantId: string, memberId: string, year: number, links: EvidenceLink[]): Promise<EvidenceLink[]> {
  if (links.length === 0) return [];
  const linkable = linkableIds((await evidenceOf(db, tenantId, [memberId], year)).get(memberId)!);
  const seen = new Set<string>();
  const out: EvidenceLink[] = [];
  const errors: Array<{ path: string; message: string }> = [];
  links.forEach((l, i) => {
    const campaignId = linkable.get(l.kind)?.get(l.id);
    if (campaignId === undefined) errors.push({ path: `evidence.${i}`, message: `Minh chứng thứ ${i + 1} không thuộc hồ sơ học tập năm ${year} của đảng viên này` });
    else if (!seen.has(`${l.kind}:${l.id}`)) { seen.add(`${l.kind}:${l.id}`); out.push({ kind: l.kind, id: l.id, campaignId }); }
  });
  if (errors.length) throw new RuleViolationError('evaluation.evidence_foreign', 'evidence of another member or year', { errors });
  return out;
}
