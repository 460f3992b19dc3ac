import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/lib/http';
import type { Criterion, Grade } from '../../../../src/modules/evaluations/evaluations.rules';

export interface Scheme { id: string; code: string; name: string; fromYear: number; criteria: Criterion[]; grades: Grade[]; createdAt: string }
export interface EvidenceLink { kind: 'attendance' | 'reflection' | 'makeup' | 'action_plan'; id: string; campaignId?: string }
export interface Evaluation {
  id: string; memberId: string; year: number; schemeId: string; branchId: string; scores: Record<string, number>; confirmations: string[];
  total: number; grade: string | null; gradeLabel: string | null; reasons: string | null; evidence: EvidenceLink[];
  status: 'draft' | 'approved'; evaluatedBy: string; approvedBy: string | null; approvedAt: string | null; updatedAt: string;
}
export interface AttendanceEvidence {
  id: string; campaignId: string; campaignTitle: string; conferenceId: string; conferenceTitle: string; startsAt: string;
  status: 'invited' | 'present' | 'absent'; absenceReason: string | null;
  makeup: { id: string; status: 'pending' | 'completed'; confirmedAt: string | null } | null;
}
export interface ReflectionEvidence {
  id: string; campaignId: string; campaignTitle: string; status: string; submittedAt: string | null;
  gradeStatus: string; finalGrade: string | null; finalGradeLabel: string | null;
}
export interface Evidence {
  attendance: AttendanceEvidence[]; reflections: ReflectionEvidence[];
  missingReflections: Array<{ campaignId: string; campaignTitle: string }>; actionPlan: null;
}
export interface SheetMember {
  id: string; fullName: string; cardNumber: string | null; partyPosition: string | null; status: string;
  isExempt: boolean; isHeadOfUnit: boolean; isCommitteeMember: boolean;
}
export interface SheetRow { member: SheetMember; evaluation: Evaluation | null; evidence: Evidence }
export interface Sheet {
  branch: { id: string; name: string }; year: number; scheme: Scheme; canManage: boolean; canApprove: boolean;
  actionPlansTracked: boolean; rows: SheetRow[];
}
export interface SaveBody { scores: Record<string, number>; confirmations: string[]; reasons: string | null; evidence: EvidenceLink[]; grade?: string }
export interface ApproveResult { approved: number; alreadyApproved: number; skipped: Array<{ memberId: string; fullName: string; reason: string }> }

const sheetKey = (branchId: string | null, year: number) => ['evaluations', branchId, year] as const;

export const useSheet = (branchId: string | null, year: number) =>
  useQuery({
    queryKey: sheetKey(branchId, year),
    queryFn: () => api<Sheet>('/api/evaluations', { query: { branchId, year } }),
    enabled: !!branchId,
    placeholderData: keepPreviousData,
  });

export function useSaveEvaluation(branchId: string | null, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId: string; body: SaveBody }) => api<Evaluation>(`/api/evaluations/${memberId}/${year}`, { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData<Sheet>(sheetKey(branchId, year), (old) => old && {
      ...old, rows: old.rows.map((r) => (r.member.id === saved.memberId ? { ...r, evaluation: saved } : r)),
    }),
  });
}

export function useApprove(branchId: string | null, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (memberIds?: string[]) => api<ApproveResult>('/api/evaluations/approve', { method: 'POST', body: { branchId, year, memberIds } }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['evaluations', branchId, year] }),
  });
}

export const exportUrl = (branchId: string, year: number) => `/api/evaluations/export.xlsx?branchId=${branchId}&year=${year}`;
