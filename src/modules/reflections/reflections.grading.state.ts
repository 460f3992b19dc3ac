/**
 * Pure rules of the grading workflow: draft → submitted → approved (by the branch secretary), then locked.
 *
 * Corrections: the approved row of a marker is superseded at the moment a correction (a new draft
 * revision with its reason) is created, so that the partial unique index "one live row per marker" holds.
 * The approved result stays in force meanwhile: reflections.final_grade (and grade_status 'approved')
 * are kept until the correction itself is approved, and the superseded row remains readable with its
 * approval. So stats never see an approved reflection fall back to ungraded during a correction.
 */
import type { GradeRow, GradeStatus } from './reflections.grading.repository.js';

export const requiredMarkers = (secondMarker: boolean) => (secondMarker ? [1, 2] : [1]);

const isDone = (g: GradeRow | undefined) => g?.status === 'submitted' || g?.status === 'approved';

/**
 * The furthest state of the reflection's grading, as reflections.grade_status keeps it for stats:
 * approved once a result has been approved (also while a correction is pending), submitted when every
 * required marker has submitted, draft when someone has started, else ungraded.
 */
export function gradeStatusOf(live: GradeRow[], finalGrade: string | null, secondMarker: boolean): GradeStatus {
  if (finalGrade) return 'approved';
  if (live.length === 0) return 'ungraded';
  const done = requiredMarkers(secondMarker).every((m) => isDone(live.find((g) => g.marker === m)));
  return done ? 'submitted' : 'draft';
}

/** Markers whose grading must still be submitted before the secretary may approve. */
export function markersNotReady(live: GradeRow[], secondMarker: boolean): number[] {
  return requiredMarkers(secondMarker).filter((m) => !isDone(live.find((g) => g.marker === m)));
}

/** Ready for the secretary: every required marker has submitted, and something awaits approval. */
export function readyToApprove(live: GradeRow[], secondMarker: boolean): boolean {
  return markersNotReady(live, secondMarker).length === 0 && live.some((g) => g.status === 'submitted');
}

/**
 * Blind second marking: with a second marker, each marker grades without seeing the other's levels,
 * comments or grade. The seal lifts once every required marker has submitted (or a result has been
 * approved, e.g. during a correction). Until then a grade's content is shown only to whoever wrote it,
 * to the secretary too: approval waits for both markers anyway, and then both show side by side.
 */
export function isBlind(live: GradeRow[], finalGrade: string | null, secondMarker: boolean): boolean {
  return secondMarker && !finalGrade && markersNotReady(live, true).length > 0;
}

export const MARKER_NAME = (marker: number) => (marker === 2 ? 'Người chấm thứ hai' : 'Người chấm thứ nhất');
