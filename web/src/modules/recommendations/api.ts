import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/lib/http';

/** Mirrors src/modules/recommendations/recommendations.schema.ts. */
export type GroupStatus = 'open' | 'selected' | 'dismissed';

/** An answer given at one level; `orgName` is empty when it was given at the group's own level. */
export interface Answer {
  orgId: string; orgName: string; groupId: string; title: string; answer: string;
  answeredAt: string | null; answeredByName: string | null;
}
/** The group of an upper pool that holds this one (it was forwarded there). */
export interface Above { orgId: string; orgName: string; groupId: string; title: string; status: string; reportedAt: string | null }

export interface Group {
  id: string; orgId: string; title: string; titleEdited: boolean; status: GroupStatus; note: string | null;
  /** Members' recommendations it stands for (sentences plus the counts of groups forwarded from below). */
  count: number; entries: number;
  forwardedAt: string | null; reportedAt: string | null; updatedAt: string;
  /** Nearest first: this level's, then each level above. */
  answers: Answer[];
  above: Above[];
  origins: Array<{ orgId: string; orgName: string; count: number }>;
}

export interface ChildPool { orgId: string; name: string; groups: number; selected: number; forwarded: number; count: number }

export interface Pool {
  campaign: { id: string; title: string };
  org: { id: string; name: string };
  parent: { id: string; name: string; readable: boolean } | null;
  canManage: boolean; canAnswer: boolean; pending: boolean;
  sentences: number; unassigned: number; extracted: number;
  groups: Group[];
  children: ChildPool[];
}

export interface Entry {
  id: string; kind: 'sentence' | 'forwarded'; text: string; weight: number;
  originOrgId: string; originName: string; sourceGroupId: string | null;
}
export interface GroupDetail { group: Group; canManage: boolean; entries: Entry[] }

export interface OrgAnswers {
  campaign: { id: string; title: string };
  org: { id: string; name: string };
  pool: { id: string; name: string } | null;
  groups: Array<Group & { fromOrg: number }>;
}

export interface MyRecommendation {
  text: string;
  group: { title: string; count: number; status: GroupStatus; forwarded: string[]; reported: boolean; answers: Answer[] } | null;
}
export interface MyRecommendations { campaign: { id: string; title: string }; items: MyRecommendation[] }

export interface RefreshResult { versions: number; sentences: number; assigned: number; newGroups: number }

export const usePool = (campaignId: string, orgId?: string) =>
  useQuery({
    queryKey: ['recommendation-pool', campaignId, orgId ?? null],
    queryFn: () => api<Pool>(`/api/campaigns/${campaignId}/recommendations`, { query: { orgId } }),
    placeholderData: keepPreviousData,
    // While the background gathering waits or runs, look again shortly.
    refetchInterval: (q) => (q.state.data?.pending ? 15_000 : false),
  });

export const useGroupDetail = (groupId: string | null) =>
  useQuery({
    queryKey: ['recommendation-group', groupId],
    queryFn: () => api<GroupDetail>(`/api/recommendation-groups/${groupId}`),
    enabled: !!groupId,
  });

export const useOrgAnswers = (campaignId: string, orgId?: string) =>
  useQuery({
    queryKey: ['recommendation-answers', campaignId, orgId ?? null],
    queryFn: () => api<OrgAnswers>(`/api/campaigns/${campaignId}/recommendation-answers`, { query: { orgId } }),
    placeholderData: keepPreviousData,
  });

export const useMyRecommendations = (campaignId: string) =>
  useQuery({
    queryKey: ['my-recommendations', campaignId],
    queryFn: () => api<MyRecommendations>(`/api/me/campaigns/${campaignId}/recommendations`),
    enabled: !!campaignId,
  });

/** Every write of the board refreshes the pools and the open groups. */
export function useBoardActions(campaignId: string) {
  const qc = useQueryClient();
  const refresh = () => Promise.all([
    qc.invalidateQueries({ queryKey: ['recommendation-pool', campaignId] }),
    qc.invalidateQueries({ queryKey: ['recommendation-group'] }),
    qc.invalidateQueries({ queryKey: ['recommendation-answers', campaignId] }),
  ]);
  const done = { onSuccess: refresh };
  return {
    gather: useMutation({
      mutationFn: (orgId: string) => api<RefreshResult>(`/api/campaigns/${campaignId}/recommendations/refresh`, { method: 'POST', body: { orgId } }),
      ...done,
    }),
    update: useMutation({
      mutationFn: (v: { id: string; title?: string; status?: GroupStatus; note?: string | null }) =>
        api<GroupDetail>(`/api/recommendation-groups/${v.id}`, { method: 'PATCH', body: { title: v.title, status: v.status, note: v.note } }),
      ...done,
    }),
    merge: useMutation({
      mutationFn: (v: { targetId: string; groupIds: string[] }) => api<GroupDetail>('/api/recommendation-groups/merge', { method: 'POST', body: v }),
      ...done,
    }),
    split: useMutation({
      mutationFn: (v: { id: string; entryIds: string[]; title?: string }) =>
        api<{ id: string }>(`/api/recommendation-groups/${v.id}/split`, { method: 'POST', body: { entryIds: v.entryIds, title: v.title || undefined } }),
      ...done,
    }),
    forward: useMutation({
      mutationFn: (v: { id: string; upper?: boolean; committee?: boolean }) =>
        api<GroupDetail>(`/api/recommendation-groups/${v.id}/forward`, { method: 'POST', body: { upper: v.upper, committee: v.committee } }),
      ...done,
    }),
    withdraw: useMutation({
      mutationFn: (id: string) => api<GroupDetail>(`/api/recommendation-groups/${id}/withdraw`, { method: 'POST' }),
      ...done,
    }),
    answer: useMutation({
      mutationFn: (v: { id: string; answer: string }) => api<GroupDetail>(`/api/recommendation-groups/${v.id}/answer`, { method: 'PUT', body: { answer: v.answer } }),
      ...done,
    }),
  };
}
export type BoardActions = ReturnType<typeof useBoardActions>;
