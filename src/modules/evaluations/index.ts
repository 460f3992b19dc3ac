import type { Executor } from '../../kernel/db/client.js';
import { schemesById } from './evaluations.access.js';
import { evaluationsOfMember } from './evaluations.repository.js';
import { toEvaluation } from './evaluations.view.js';

/** What other modules (the member file, reports, the demo seeder) may use of year-end evaluations. */
export { DEFAULT_SCHEME, DEFAULT_SCHEME_CODE, ensureDefaultScheme, schemeForYear, type Scheme } from './evaluations.scheme.js';
export { gradeFor, totalOf, GROUP_LABELS, type Criterion, type Grade } from './evaluations.rules.js';
export { unpackScores } from './evaluations.view.js';

export type MemberEvaluation = ReturnType<typeof toEvaluation>;

/**
 * A member's year-end evaluations, newest year first, with their grade labels. The caller decides who
 * may see them (drafts are the branch's work in progress: show a member only approved ones).
 */
export async function listMemberEvaluations(exec: Executor, tenantId: string, memberId: string): Promise<MemberEvaluation[]> {
  const rows = await evaluationsOfMember(exec, tenantId, memberId);
  if (rows.length === 0) return [];
  const schemes = await schemesById(exec, tenantId);
  return rows.map((r) => toEvaluation(r, schemes));
}
