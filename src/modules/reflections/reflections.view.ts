import type { SettingsView } from './reflections.repository.js';
import { DEFAULT_RUBRIC } from './reflections.rubric.js';
import type { reflections, reflectionVersions } from './reflections.table.js';

type ReflectionRow = typeof reflections.$inferSelect;
type VersionRow = typeof reflectionVersions.$inferSelect;

export function toVersion(v: Pick<VersionRow, 'id' | 'seq' | 'text' | 'recommendations' | 'pages' | 'pdfHash' | 'pdfBytes' | 'source' | 'submittedBy' | 'submittedAt' | 'receiptNumber'>) {
  return {
    id: v.id, seq: v.seq, text: v.text, recommendations: v.recommendations, pages: v.pages,
    pdf: v.pdfHash ? { fileHash: v.pdfHash, bytes: v.pdfBytes ?? 0 } : null,
    source: v.source as 'member' | 'branch' | 'paper', submittedBy: v.submittedBy, submittedAt: v.submittedAt.toISOString(), receiptNumber: v.receiptNumber,
  };
}

/** Versions newest first, as a member looks for the latest. */
export function toReflection(r: Pick<ReflectionRow, 'id' | 'campaignId' | 'memberId' | 'branchId' | 'status' | 'submittedAt' | 'currentVersionId'>, versions: Array<Parameters<typeof toVersion>[0]>) {
  return {
    id: r.id, campaignId: r.campaignId, memberId: r.memberId, branchId: r.branchId, status: r.status as 'submitted' | 'paper',
    submittedAt: r.submittedAt?.toISOString() ?? null, currentVersionId: r.currentVersionId,
    versions: [...versions].sort((a, b) => b.seq - a.seq).map(toVersion),
  };
}

/** The settings as shown: the rubric in force (the default one when the campaign has none of its own). */
export function toSettings(s: SettingsView) {
  return { ...s, rubric: s.rubric ?? DEFAULT_RUBRIC, customRubric: s.rubric !== null };
}
