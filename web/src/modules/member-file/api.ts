import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/lib/http';

export interface FileGrade {
  marker: number; revision: number; status: 'draft' | 'submitted' | 'approved';
  levels: Array<{ criterion: string; criterionLabel: string; level: string; levelLabel: string; comment: string | null }>;
  comment: string | null; grade: string | null; gradeLabel: string | null;
  gradedByName: string | null; approvedByName: string | null; approvedAt: string | null; correctionReason: string | null;
}
export interface FileReflection {
  id: string; branchName: string; status: 'submitted' | 'paper'; submittedAt: string | null; gradeStatus: string;
  finalGrade: string | null; finalGradeLabel: string | null; grades: FileGrade[];
  versions: Array<{ seq: number; submittedAt: string; source: 'member' | 'branch' | 'paper'; pages: number; hasPdf: boolean; hasText: boolean; receiptNumber: string }>;
}
export interface FileCampaign {
  id: string; title: string; resolutionTitle: string; orgName: string; status: string; createdAt: string; dueAt: string | null;
  writers: 'studied' | 'covered'; studied: 'attended' | 'made_up' | 'absent' | 'invited' | 'not_invited';
  conferences: Array<{
    invitationId: string; conferenceId: string; title: string; orgName: string; format: string; conferenceStatus: string; startsAt: string;
    venue: string; status: 'invited' | 'present' | 'absent'; checkedInAt: string | null; checkInMethod: string | null; absenceReason: string | null;
  }>;
  makeups: Array<{
    id: string; conferenceId: string; conferenceTitle: string | null; mode: string | null; scheduledAt: string | null; place: string | null;
    status: 'pending' | 'completed'; confirmedAt: string | null; note: string | null;
  }>;
  reflection: FileReflection | null;
}
export interface MemberFile {
  member: {
    id: string; fullName: string; cardNumber: string | null; gender: string | null; birthDate: string | null; birthYearOnly: boolean;
    status: string; admissionDate: string | null; officialDate: string | null; partyPosition: string | null; leftAt: string | null;
    branch: { id: string; name: string; parentName: string | null } | null;
  };
  campaigns: FileCampaign[];
  evaluations: Array<{
    year: number; schemeName: string; total: number; general: number; tasks: number; grade: string | null; gradeLabel: string | null;
    reasons: string | null; status: 'draft' | 'approved'; approvedByName: string | null; approvedAt: string | null;
  }>;
  abilities: { seeGrading: boolean; seeDraftEvaluations: boolean; isSelf: boolean };
  printedAt: string;
}

export const useMemberFile = (id: string) =>
  useQuery({ queryKey: ['member-file', id], queryFn: () => api<MemberFile>(`/api/members/${id}/file`) });
