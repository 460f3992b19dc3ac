/** Shapes of grading answers: grade rows with their suggestion, and the queue as a viewer may see it. */
import type { GradeRow, QueueEntry } from './reflections.grading.repository.js';
import { suggestGrade, type Rubric } from './reflections.rubric.js';
import { isBlind, readyToApprove } from './reflections.grading.state.js';

export function toGrade(g: GradeRow, rubric: Rubric, names: Map<string, string>) {
  return {
    id: g.id, marker: g.marker, revision: g.revision, status: g.status as 'draft' | 'submitted' | 'approved' | 'superseded',
    levels: g.levels, criterionComments: g.criterionComments, comment: g.comment, grade: g.grade,
    suggestedGrade: suggestGrade(rubric, g.levels), versionId: g.versionId, gradedBy: g.gradedBy, gradedByName: names.get(g.gradedBy) ?? null,
    submittedAt: g.submittedAt?.toISOString() ?? null, approvedBy: g.approvedBy, approvedAt: g.approvedAt?.toISOString() ?? null,
    correctionReason: g.correctionReason, updatedAt: g.updatedAt.toISOString(), sealed: false,
  };
}

export type GradeView = ReturnType<typeof toGrade>;

/** A grade under blind marking: who graded it and how far it got, nothing of its content. */
function sealed(v: GradeView): GradeView {
  return { ...v, levels: {}, criterionComments: {}, comment: null, grade: null, suggestedGrade: null, sealed: true };
}

export interface GradeViewer { viewerId: string; rubric: Rubric; names: Map<string, string>; secondMarker: boolean }

/**
 * The reflection's grade rows as this viewer may see them: under blind second marking (see isBlind)
 * the other marker's content is sealed. Every answer that carries grades goes through here.
 */
export function gradesAsSeen(grades: GradeRow[], finalGrade: string | null, o: GradeViewer): GradeView[] {
  const blind = isBlind(grades.filter((g) => g.status !== 'superseded'), finalGrade, o.secondMarker);
  return grades.map((g) => {
    const v = toGrade(g, o.rubric, o.names);
    return blind && g.gradedBy !== o.viewerId ? sealed(v) : v;
  });
}

/** What a viewer sees of one entry: under anonymous marking a marker gets the receipt number, not the writer. */
export function showEntry(e: QueueEntry, seeNames: boolean) {
  const hidden = !seeNames && e.reflectionId !== null;
  return {
    memberId: hidden ? null : e.memberId, fullName: hidden ? null : e.fullName, cardNumber: hidden ? null : e.cardNumber,
    label: hidden ? `Bài số ${e.receiptNumber ?? e.reflectionId!.slice(0, 8)}` : e.fullName,
  };
}

/**
 * The queue in the order the grading screen walks it: by name; under anonymous marking, for a viewer
 * who may not see names, reflections by receipt number first (no name order to betray the writers),
 * then the members who have handed in nothing, by name.
 */
export function orderQueue(entries: QueueEntry[], seeNames: boolean): QueueEntry[] {
  if (seeNames) return entries;
  const withReflection = entries.filter((e) => e.reflectionId).sort((a, b) => (a.receiptNumber ?? '').localeCompare(b.receiptNumber ?? ''));
  return [...withReflection, ...entries.filter((e) => !e.reflectionId)];
}

export function toQueueRow(e: QueueEntry, live: GradeRow[], ctx: GradeViewer & { seeNames: boolean }) {
  return {
    reflectionId: e.reflectionId, ...showEntry(e, ctx.seeNames),
    status: e.status, submittedAt: e.submittedAt, receiptNumber: e.receiptNumber, pages: e.pages, hasPdf: e.hasPdf, hasText: e.hasText,
    versions: e.versions, gradeStatus: e.gradeStatus, finalGrade: e.finalGrade, gradedAt: e.gradedAt,
    readyToApprove: readyToApprove(live, ctx.secondMarker), grades: gradesAsSeen(live, e.finalGrade, ctx),
  };
}
