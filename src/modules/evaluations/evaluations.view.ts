import { CONFIRM_PREFIX } from './evaluations.rules.js';
import type { Scheme } from './evaluations.scheme.js';
import type { EvaluationRow } from './evaluations.repository.js';
import type { Evidence } from './evaluations.evidence.js';

/** Scores as stored: criterion keys, plus `confirm:<requirement>` = 1 for each confirmed requirement. */
export function packScores(scores: Record<string, number>, confirmations: readonly string[]): Record<string, number> {
  return { ...scores, ...Object.fromEntries([...new Set(confirmations)].map((k) => [`${CONFIRM_PREFIX}${k}`, 1])) };
}

export function unpackScores(stored: Record<string, number>): { scores: Record<string, number>; confirmations: string[] } {
  const scores: Record<string, number> = {};
  const confirmations: string[] = [];
  for (const [k, v] of Object.entries(stored ?? {})) {
    if (k.startsWith(CONFIRM_PREFIX)) { if (v) confirmations.push(k.slice(CONFIRM_PREFIX.length)); } else scores[k] = v;
  }
  return { scores, confirmations };
}

/** An evaluation for the API; `schemes` resolves the label of its grade under its own scheme. */
export function toEvaluation(row: EvaluationRow, schemes: Map<string, Scheme>) {
  const scheme = schemes.get(row.schemeId);
  return {
    id: row.id, memberId: row.memberId, year: row.year, schemeId: row.schemeId, branchId: row.branchId,
    ...unpackScores(row.scores), total: row.total, grade: row.grade,
    gradeLabel: scheme?.grades.find((g) => g.key === row.grade)?.label ?? null,
    reasons: row.reasons, evidence: row.evidence, status: row.status as 'draft' | 'approved',
    evaluatedBy: row.evaluatedBy, approvedBy: row.approvedBy, approvedAt: row.approvedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Evidence for the API: without the internal member ids, with the action plan said to be absent. */
export function toEvidence(ev: Evidence) {
  return {
    attendance: ev.attendance.map(({ memberId: _m, ...a }) => a),
    reflections: ev.reflections.map(({ memberId: _m, ...r }) => r),
    missingReflections: ev.missingReflections,
    actionPlan: null,
  };
}
