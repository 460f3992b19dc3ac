import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, problemOf } from '../../shared/lib/http';

export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'issued';
export interface PlanBrief { id: string; number: string | null; status: PlanStatus; issuedOn: string | null; title: string }
export interface HomeOrg { orgId: string; orgName: string; levelId: string; levelName: string; plan: PlanBrief | null; canManage: boolean }

export interface CampaignSummary {
  id: string; title: string; status: string; orgId: string; orgName: string; createdAt: string;
  resolution: { id: string; title: string }; myPlan: HomeOrg | null;
}
export interface CampaignDetail extends CampaignSummary { rootPlanId: string | null; myPlans: HomeOrg[]; canManage: boolean }

export interface LevelDeadline { levelId: string; planBy: string | null; conferencesBy: string | null }
export interface ContentItem { text: string; fromPlanId: string | null }
export interface Deadlines { levelDeadlines: LevelDeadline[]; reflectionsBy: string | null; reportBy: string | null; actionProgramBy: string | null }
export interface PlanAbilities { edit: boolean; submit: boolean; approve: boolean; issue: boolean; return: boolean }

export interface PlanView extends Deadlines {
  id: string; campaignId: string; campaignTitle: string; orgId: string; orgName: string; levelId: string; levelName: string;
  parentPlan: { id: string; number: string | null; title: string; orgName: string } | null;
  number: string | null; issuedOn: string | null; title: string; purpose: string; contents: ContentItem[];
  attendees: string; reflectionWriters: string; includeExempt: boolean; status: PlanStatus;
  approvedAt: string | null; issuedAt: string | null; updatedAt: string;
  limits: Deadlines | null; dueBy: string | null; late: boolean; abilities: PlanAbilities;
}
export type PlanPatch = Partial<Pick<PlanView, 'title' | 'purpose' | 'contents' | 'attendees' | 'reflectionWriters' | 'includeExempt' | 'levelDeadlines' | 'reflectionsBy' | 'reportBy' | 'actionProgramBy'>>;

export interface Counts { required: number; issued: number; late: number }
export interface CascadeChild {
  orgId: string; orgName: string; orgCode: string; levelId: string; levelName: string; childCount: number;
  plan: PlanBrief | null; required: boolean; dueBy: string | null; late: boolean; below: Counts;
}
export interface CascadeView {
  org: { id: string; name: string; levelId: string; levelName: string };
  trail: Array<{ id: string; name: string }>;
  plan: PlanBrief | null; governingPlanId: string | null; canCreatePlan: boolean;
  children: CascadeChild[]; totals: Counts;
}

export interface ResolutionSummary {
  id: string; orgId: string; orgName: string; title: string; congress: string; term: string; adoptedOn: string | null; createdAt: string; documentCount: number;
}
export interface ResolutionDocument {
  id: string; kind: string; title: string; textLength: number; createdAt: string; file: { name: string; mime: string; size: number } | null;
}
export interface ResolutionDetail extends ResolutionSummary { documents: ResolutionDocument[]; canManage: boolean }

export const campaignKeys = {
  list: ['campaigns'] as const,
  // Shared with CampaignNav, which reads the same document.
  detail: (id: string) => ['campaign', id] as const,
  cascade: (id: string, orgId: string | null) => ['campaign', id, 'cascade', orgId ?? ''] as const,
  plan: (id: string) => ['plan', id] as const,
  resolutions: ['resolutions'] as const,
  resolution: (id: string) => ['resolutions', id] as const,
};

export const useCampaigns = () => useQuery({ queryKey: campaignKeys.list, queryFn: () => api<CampaignSummary[]>('/api/campaigns') });
export const useCampaign = (id: string) => useQuery({ queryKey: campaignKeys.detail(id), queryFn: () => api<CampaignDetail>(`/api/campaigns/${id}`) });
export const useCascade = (id: string, orgId: string | null) => useQuery({
  queryKey: campaignKeys.cascade(id, orgId),
  queryFn: () => api<CascadeView>(`/api/campaigns/${id}/plans`, { query: { parentOrgId: orgId } }),
});
export const usePlan = (id: string | null) => useQuery({ queryKey: campaignKeys.plan(id ?? ''), queryFn: () => api<PlanView>(`/api/plans/${id}`), enabled: !!id });
export const useResolutions = (enabled = true) => useQuery({ queryKey: campaignKeys.resolutions, queryFn: () => api<ResolutionSummary[]>('/api/resolutions'), enabled });
export const useResolution = (id: string | null) =>
  useQuery({ queryKey: campaignKeys.resolution(id ?? ''), queryFn: () => api<ResolutionDetail>(`/api/resolutions/${id}`), enabled: !!id });

export interface NewResolution { orgId: string; title: string; congress: string; term: string; adoptedOn: string | null }

/** Registers the resolution when it is new, then opens the campaign (the server adds its root plan). */
export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { resolutionId?: string; resolution?: NewResolution; orgId: string; title: string }) => {
      const resolutionId = v.resolutionId ?? (await api<ResolutionDetail>('/api/resolutions', { method: 'POST', body: v.resolution })).id;
      return api<CampaignDetail>('/api/campaigns', { method: 'POST', body: { resolutionId, orgId: v.orgId, title: v.title } });
    },
    onSuccess: () => { void qc.invalidateQueries({ queryKey: campaignKeys.list }); void qc.invalidateQueries({ queryKey: campaignKeys.resolutions }); },
  });
}

/** A document as text (JSON) or with its file (multipart: fields first, then the file). */
export function useAddDocument(resolutionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { kind: string; title: string; body?: string; file?: File }) => {
      if (!v.file) return api<ResolutionDocument>(`/api/resolutions/${resolutionId}/documents`, { method: 'POST', body: { kind: v.kind, title: v.title, body: v.body } });
      const form = new FormData();
      form.append('kind', v.kind);
      form.append('title', v.title);
      if (v.body?.trim()) form.append('body', v.body);
      form.append('file', v.file, v.file.name);
      let res: Response;
      try {
        res = await fetch(`/api/resolutions/${resolutionId}/documents`, { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json' } });
      } catch {
        throw new ApiError({ code: 'network', title: 'Không tải được tệp lên máy chủ, vui lòng thử lại', status: 0 });
      }
      if (!res.ok) throw await problemOf(res);
      return (await res.json()) as ResolutionDocument;
    },
    onSuccess: () => { void qc.invalidateQueries({ queryKey: campaignKeys.resolutions }); },
  });
}

export function useCreatePlan(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (orgId: string) => api<PlanView>(`/api/campaigns/${campaignId}/plans`, { method: 'POST', body: { orgId } }),
    onSuccess: (plan) => { qc.setQueryData(campaignKeys.plan(plan.id), plan); void qc.invalidateQueries({ queryKey: ['campaign', campaignId] }); },
  });
}

export type PlanCommand =
  | { kind: 'update'; body: PlanPatch }
  | { kind: 'submit' } | { kind: 'approve' }
  | { kind: 'return'; note?: string }
  | { kind: 'issue'; number: string; issuedOn: string };

function sendPlan(id: string, c: PlanCommand) {
  switch (c.kind) {
    case 'update': return api<PlanView>(`/api/plans/${id}`, { method: 'PATCH', body: c.body });
    case 'return': return api<PlanView>(`/api/plans/${id}/return`, { method: 'POST', body: { note: c.note } });
    case 'issue': return api<PlanView>(`/api/plans/${id}/issue`, { method: 'POST', body: { number: c.number, issuedOn: c.issuedOn } });
    default: return api<PlanView>(`/api/plans/${id}/${c.kind}`, { method: 'POST' });
  }
}

/** Every change to a plan; the answer is the plan as it now stands, and the cascade views refresh. */
export function usePlanCommand(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (c: PlanCommand) => sendPlan(id, c),
    onSuccess: (plan) => {
      qc.setQueryData(campaignKeys.plan(id), plan);
      void qc.invalidateQueries({ queryKey: ['campaign', plan.campaignId] });
      void qc.invalidateQueries({ queryKey: campaignKeys.list });
    },
  });
}
