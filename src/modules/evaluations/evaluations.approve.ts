import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db } from '../../kernel/db/client.js';
import { NotFoundError } from '../../kernel/errors/app-error.js';
import * as repo from './evaluations.repository.js';
import { isComplete } from './evaluations.rules.js';
import { requireBranch, schemesById } from './evaluations.access.js';
import { toEvaluation, unpackScores } from './evaluations.view.js';

const SKIP = { none: 'Chưa chấm điểm', incomplete: 'Chưa chấm đủ các tiêu chí' };

/**
 * The branch secretary approves the branch's complete drafts of the year (or the chosen members'):
 * draft → approved, then locked. Conditional on the draft state under a row lock, so approving twice,
 * even at the same moment, approves each evaluation once.
 */
export async function approve(db: Db, actor: Actor, body: { branchId: string; year: number; memberIds?: string[] }) {
  await requireBranch(db, actor, 'evaluation.approve', body.branchId);
  const members = await repo.activeMembersOf(db, actor.tenantId, body.branchId);
  const byId = new Map(members.map((m) => [m.id, m]));
  const targets = body.memberIds ? [...new Set(body.memberIds)] : members.map((m) => m.id);
  const outside = targets.find((id) => !byId.has(id));
  if (outside) throw new NotFoundError('member.not_found', `member ${outside} not in branch ${body.branchId}`);
  const schemes = await schemesById(db, actor.tenantId);

  return db.transaction(async (tx) => {
    const drafts = await repo.lockDrafts(tx, actor.tenantId, targets, body.year);
    const complete = drafts.filter((r) => {
      const scheme = schemes.get(r.schemeId);
      return !!scheme && isComplete(scheme, unpackScores(r.scores).scores);
    });
    const approved = await repo.approveDrafts(tx, actor.tenantId, complete.map((r) => r.id), actor.userId);
    const before = new Map(drafts.map((r) => [r.id, r]));
    for (const row of approved) {
      await recordAudit(tx, actor, actor.tenantId, {
        action: 'evaluation.approve', entityType: 'member_evaluation', entityId: row.id,
        before: toEvaluation(before.get(row.id)!, schemes), after: toEvaluation(row, schemes),
      });
    }
    const now = new Map((await repo.evaluationsOf(tx, actor.tenantId, targets, body.year)).map((r) => [r.memberId, r]));
    const approvedNow = new Set(approved.map((r) => r.id));
    let alreadyApproved = 0;
    const skipped: Array<{ memberId: string; fullName: string; reason: string }> = [];
    for (const id of targets) {
      const row = now.get(id);
      if (!row) skipped.push({ memberId: id, fullName: byId.get(id)!.fullName, reason: SKIP.none });
      else if (row.status === 'approved') { if (!approvedNow.has(row.id)) alreadyApproved++; }
      else skipped.push({ memberId: id, fullName: byId.get(id)!.fullName, reason: SKIP.incomplete });
    }
    return { approved: approved.length, alreadyApproved, skipped };
  });
}
