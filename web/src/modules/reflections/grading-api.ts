import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, problemOf, withQuery } from '../../shared/lib/http';
import type { ReflectionPage } from './api';

export interface Rubric {
  criteria: Array<{ key: string; label: string; hint: string }>;
  levels: Array<{ key: string; label: string; points: number }>;
  grades: Array<{ key: string; label: string; minAverage: number }>;
}
export type GradeStatus = 'ungraded' | 'draft' | 'submitted' | 'approved';
export interface Grade {
  id: string; marker: number; revision: number; status: 'draft' | 'submitted' | 'approved' | 'superseded';
  levels: Record<string, string>; criterionComments: Record<string, string>; comment: string | null; grade: string | null;
  suggestedGrade: string | null; versionId: string | null; gradedBy: string; gradedByName: string | null; submittedAt: string | null;
  approvedBy: string | null; approvedAt: string | null; correctionReason: string | null; updatedAt: string;
  /** Blind second marking: the other marker's content is withheld (empty) until both have submitted. */
  sealed: boolean;
}
export interface Abilities { grade: boolean; approve: boolean; seeNames: boolean }
export interface QueueRow {
  reflectionId: string | null; memberId: string | null; fullName: string | null; cardNumber: string | null; label: string;
  status: 'missing' | 'submitted' | 'paper'; submittedAt: string | null; receiptNumber: string | null;
  pages: number; hasPdf: boolean; hasText: boolean; versions: number;
  gradeStatus: GradeStatus; finalGrade: string | null; gradedAt: string | null; readyToApprove: boolean; grades: Grade[];
}
export interface Queue {
  campaignId: string; branchId: string; branchName: string; rubric: Rubric; secondMarker: boolean; anonymousMarking: boolean;
  abilities: Abilities; rows: QueueRow[];
}
export interface GradingVersion {
  id: string; seq: number; text: string | null; recommendations: string | null; pages: ReflectionPage[];
  pdf: { fileHash: string; bytes: number } | null; source: 'member' | 'branch' | 'paper'; submittedAt: string; receiptNumber: string;
}
export interface ReflectionForGrading {
  reflection: {
    id: string; campaignId: string; campaignTitle: string; branchId: string; branchName: string; memberId: string | null; fullName: string | null;
    label: string; status: 'submitted' | 'paper'; submittedAt: string | null; currentVersionId: string | null;
    gradeStatus: GradeStatus; finalGrade: string | null; gradedAt: string | null; versions: GradingVersion[];
  };
  grades: Grade[]; rubric: Rubric; secondMarker: boolean; anonymousMarking: boolean; abilities: Abilities; readyToApprove: boolean;
  queue: { prev: string | null; next: string | null; position: number; total: number };
}
export interface GradeInput { levels: Record<string, string>; criterionComments: Record<string, string>; comment: string | null; grade: string | null }
export interface BulkRow { memberId?: string; reflectionId?: string; grade?: string | null; levels?: Record<string, string>; comment?: string | null }
export interface ImportResult {
  committed: boolean; rows: number; errors: Array<{ row: number; column: string; message: string }>;
  items: Array<{ row: number; label: string; grade: string | null; action: 'save' | 'unchanged' | 'skip' }>;
  saved: number; unchanged: number; skipped: number; paperRecorded: number;
}
export interface GradingBranch { id: string; name: string; parentName: string | null }

export const useGradingBranches = (campaignId: string) =>
  useQuery({ queryKey: ['grading-branches', campaignId], queryFn: () => api<GradingBranch[]>('/api/reflections/grading-branches', { query: { campaignId } }) });

export const useGradingQueue = (campaignId: string, branchId: string | undefined) =>
  useQuery({
    queryKey: ['grading-queue', campaignId, branchId],
    queryFn: () => api<Queue>('/api/reflections', { query: { campaignId, branchId } }),
    enabled: !!branchId, placeholderData: keepPreviousData,
  });

export const useReflectionForGrading = (id: string) =>
  useQuery({ queryKey: ['grading-reflection', id], queryFn: () => api<ReflectionForGrading>(`/api/reflections/${id}`) });

/** Every grading write refreshes the screen and the queue it came from. */
export function useGradingActions() {
  const qc = useQueryClient();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['grading-reflection'] }), qc.invalidateQueries({ queryKey: ['grading-queue'] })]);
  const done = { onSuccess: refresh };
  return {
    save: useMutation({ mutationFn: (v: { id: string; marker: number; body: GradeInput }) => api(`/api/reflections/${v.id}/grades/${v.marker}`, { method: 'PUT', body: v.body }), ...done }),
    submit: useMutation({ mutationFn: (v: { id: string; marker: number }) => api(`/api/reflections/${v.id}/grades/${v.marker}/submit`, { method: 'POST' }), ...done }),
    approve: useMutation({ mutationFn: (v: { id: string; grade?: string }) => api(`/api/reflections/${v.id}/approve`, { method: 'POST', body: v.grade ? { grade: v.grade } : {} }), ...done }),
    correct: useMutation({ mutationFn: (v: { id: string; marker: number; reason: string }) => api(`/api/reflections/${v.id}/corrections`, { method: 'POST', body: { marker: v.marker, reason: v.reason } }), ...done }),
    bulk: useMutation({
      mutationFn: (v: { campaignId: string; branchId: string; marker: number; rows: BulkRow[] }) =>
        api<{ rows: number; saved: number; unchanged: number; paperRecorded: number }>('/api/reflections/grades/bulk', { method: 'POST', body: v }),
      ...done,
    }),
    refresh,
  };
}

export const exportUrl = (campaignId: string, branchId: string, marker: number) => withQuery('/api/reflections/grades.xlsx', { campaignId, branchId, marker });

/** Uploads the filled sheet: a preview (nothing written), or with commit every row or none. */
export async function importGrades(q: { campaignId: string; branchId: string; marker: number; commit: boolean }, file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(withQuery('/api/reflections/grades/import', { ...q, commit: q.commit ? 'true' : 'false' }), {
    method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' }, body: form,
  });
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as ImportResult;
}
