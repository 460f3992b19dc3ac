import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/lib/http';
import type { Rubric } from './grading-api';

/** How a campaign collects and grades its reflections (GET /api/campaigns/:id/reflection-settings). */
export interface SettingsDetail {
  campaignId: string; mustHandwrite: boolean; dueAt: string | null; cutoffAt: string | null; maxPages: number;
  writers: 'studied' | 'covered'; rubric: Rubric; customRubric: boolean; secondMarker: boolean; anonymousMarking: boolean;
  plan: { number: string | null; reflectionsBy: string | null } | null;
  gradingStarted: boolean;
}
export interface SettingsBody {
  mustHandwrite: boolean; dueAt: string | null; cutoffAt: string | null; maxPages: number;
  writers?: 'studied' | 'covered'; rubric?: Rubric | null; secondMarker?: boolean; anonymousMarking?: boolean;
}

export const useReflectionSettings = (campaignId: string) =>
  useQuery({ queryKey: ['reflection-settings', campaignId], queryFn: () => api<SettingsDetail>(`/api/campaigns/${campaignId}/reflection-settings`) });

export function useSaveReflectionSettings(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsBody) => api<SettingsDetail>(`/api/campaigns/${campaignId}/reflection-settings`, { method: 'PUT', body }),
    // Deadlines and the rubric show on the members', graders' and officers' pages too.
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => q.queryKey.some((k) => typeof k === 'string' && /reflection|grading/.test(k)) }),
  });
}
