import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/lib/http';

export interface StatsCounts {
  expected: number; submitted: number; onTime: number; graded: number; missing: number; perGrade: Record<string, number>;
}
export interface StatsRow extends StatsCounts {
  orgId: string; orgName: string; orgCode: string; isLeaf: boolean; lastReminderAt: string | null; reminderCount: number;
}
export interface GradeLabel { key: string; label: string }
export interface ReflectionStats {
  campaignId: string; orgId: string; orgName: string; writers: 'studied' | 'covered'; dueAt: string | null; grades: GradeLabel[];
  abilities: { remind: boolean }; total: StatsCounts; children: StatsRow[];
}
export interface Reminder {
  id: string; campaignId: string; campaignTitle: string; orgId: string; orgName: string; fromOrgId: string; fromOrgName: string;
  message: string; sentAt: string;
}

export const useReflectionStats = (campaignId: string, orgId?: string) =>
  useQuery({
    queryKey: ['reflection-stats', campaignId, orgId ?? null],
    queryFn: () => api<ReflectionStats>(`/api/campaigns/${campaignId}/reflection-stats`, { query: { orgId } }),
    placeholderData: keepPreviousData,
  });

/** Reminders from upper levels addressed to the signed-in user's orgs (none for a member without a role). */
export const useMyReminders = (campaignId?: string) =>
  useQuery({
    queryKey: ['reflection-reminders', campaignId ?? null],
    queryFn: () => api<Reminder[]>('/api/reflection-reminders', { query: { campaignId } }),
  });

export function useSendReminders(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { orgIds: string[]; message: string; fromOrgId?: string }) =>
      api<{ sent: number; fromOrgId: string }>(`/api/campaigns/${campaignId}/reflection-reminders`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reflection-stats', campaignId] }),
  });
}
