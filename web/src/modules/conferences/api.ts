import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/lib/http';

export type AudienceKind = 'all_members' | 'key_cadres' | 'retired_leaders' | 'enterprise_leaders' | 'custom';
export type ConferenceFormat = 'in_person' | 'online';
export type DocumentKind = 'thematic_resolution' | 'plan' | 'project';

export interface ConferenceSummary {
  id: string; campaignId: string; orgId: string; orgName: string; title: string; audienceKind: AudienceKind; audienceNote: string;
  format: ConferenceFormat; venue: string; capacity: number | null; startsAt: string; endsAt: string | null; includeExempt: boolean;
  status: 'scheduled' | 'held' | 'cancelled'; isMakeup: boolean; sessionCount: number; invited: number; present: number;
}
export interface SessionView {
  id: string; seq: number; venue: string; capacity: number | null; startsAt: string; branchIds: string[];
  branches: Array<{ id: string; name: string }>; invited: number; present: number;
}
export interface AgendaItem { topic: string; speakerName: string; speakerTitle: string; durationMinutes: number | null; inPerson: boolean }
export interface AgendaView extends AgendaItem { id: string; seq: number }
export interface DocumentSection { key: string; heading: string; text: string }
export interface DocumentView { id: string; kind: DocumentKind; title: string; sections: DocumentSection[]; commentCount: number; createdAt: string }
export interface CommentView { id: string; documentId: string; sectionKey: string; authorName: string; body: string; createdAt: string }
export interface BridgeReport { present: number; expected: number; remarks: string; reportedAt: string; reportedByName: string | null }
export interface BridgePointView {
  id: string; conferenceId: string; name: string; place: string; capacity: number | null;
  supervisor: { userId: string; displayName: string } | null; units: Array<{ orgId: string; name: string }>;
  expected: number; present: number; report: BridgeReport | null;
}
export interface MyBridgePoint extends BridgePointView {
  conference: { id: string; title: string; orgName: string; startsAt: string; endsAt: string | null; status: string; venue: string };
}
export interface ConferenceDetail extends ConferenceSummary {
  campaignTitle: string | null; deadline: string | null;
  counts: { invited: number; present: number; absent: number; guests: number };
  sessions: SessionView[]; agenda: AgendaView[]; bridgePoints: BridgePointView[]; documents: DocumentView[];
  abilities: { canManage: boolean; canComment: boolean };
}
export interface OrganizerOrg { id: string; name: string; levelName: string; depth: number; hasPlan: boolean; deadline: string | null }
export interface UnitOption { id: string; parentId: string | null; name: string; levelName: string; depth: number }
export interface SupervisorCandidate { userId: string; displayName: string; orgId: string; orgName: string }
export interface SplitBranch { branchId: string; branchName: string; count: number }
export interface SplitProposal {
  capacity: number; total: number; guests: number;
  sessions: Array<{ seq: number; load: number; guests: number; oversized: boolean; branches: SplitBranch[] }>;
  warnings: Array<{ code: string; branchId: string | null; branchName: string | null; count: number; message: string }>;
}
export interface NewConference {
  campaignId: string; orgId: string; title: string; audienceKind: AudienceKind; audienceNote: string; format: ConferenceFormat;
  venue: string; capacity: number | null; startsAt: string; endsAt: string | null;
  /** Left out: the campaign plan's setting applies. */
  includeExempt?: boolean;
}
export interface SessionInput { seq: number; venue: string; capacity: number | null; startsAt: string; branchIds: string[] }
export interface BridgePointInput { name: string; place: string; capacity: number | null; unitOrgIds: string[]; supervisorUserId: string | null }

export const conferenceKeys = {
  list: (campaignId: string) => ['conferences', campaignId] as const,
  /** Shared with the attendance pages, which read the same detail. */
  detail: (id: string) => ['conference', id] as const,
  organizers: (campaignId: string) => ['conference-organizers', campaignId] as const,
  split: (id: string, capacity: number) => ['conference-split', id, capacity] as const,
  candidates: (id: string) => ['conference-supervisors', id] as const,
  units: (id: string) => ['conference-units', id] as const,
  comments: (docId: string) => ['conference-comments', docId] as const,
  mine: ['bridge-points', 'mine'] as const,
};

export const useConferences = (campaignId: string) =>
  useQuery({ queryKey: conferenceKeys.list(campaignId), queryFn: () => api<ConferenceSummary[]>('/api/conferences', { query: { campaignId } }) });
export const useConference = (id: string) =>
  useQuery({ queryKey: conferenceKeys.detail(id), queryFn: () => api<ConferenceDetail>(`/api/conferences/${id}`) });
export const useOrganizerOrgs = (campaignId: string, enabled: boolean) =>
  useQuery({ queryKey: conferenceKeys.organizers(campaignId), queryFn: () => api<OrganizerOrg[]>('/api/conferences/organizer-orgs', { query: { campaignId } }), enabled });
export const useSplitProposal = (id: string, capacity: number | null) =>
  useQuery({
    queryKey: conferenceKeys.split(id, capacity ?? 0), enabled: !!capacity && capacity > 0,
    queryFn: () => api<SplitProposal>(`/api/conferences/${id}/split-proposal`, { query: { capacity } }),
  });
export const useSupervisorCandidates = (id: string, enabled: boolean) =>
  useQuery({ queryKey: conferenceKeys.candidates(id), queryFn: () => api<SupervisorCandidate[]>(`/api/conferences/${id}/supervisor-candidates`), enabled });
export const useUnitOptions = (id: string, enabled: boolean) =>
  useQuery({ queryKey: conferenceKeys.units(id), queryFn: () => api<UnitOption[]>(`/api/conferences/${id}/unit-options`), enabled, staleTime: 60_000 });
export const useComments = (docId: string, enabled: boolean) =>
  useQuery({ queryKey: conferenceKeys.comments(docId), queryFn: () => api<CommentView[]>(`/api/conference-documents/${docId}/comments`), enabled });
export const useMyBridgePoints = () =>
  useQuery({ queryKey: conferenceKeys.mine, queryFn: () => api<MyBridgePoint[]>('/api/bridge-points/mine') });

/** After any change to a conference: its detail, the lists and the roster are fetched again. */
function useConferenceMutation<V, R>(id: string | null, send: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all([
        id ? qc.invalidateQueries({ queryKey: conferenceKeys.detail(id) }) : Promise.resolve(),
        qc.invalidateQueries({ queryKey: ['conferences'] }),
        qc.invalidateQueries({ queryKey: ['bridge-points'] }),
        qc.invalidateQueries({ queryKey: ['roster'] }),
      ]);
    },
  });
}

export const useCreateConference = () =>
  useConferenceMutation(null, (body: NewConference) => api<{ id: string; status: string }>('/api/conferences', { method: 'POST', body }));
export const useUpdateConference = (id: string) =>
  useConferenceMutation(id, (body: Partial<NewConference>) => api<{ id: string }>(`/api/conferences/${id}`, { method: 'PATCH', body }));
export const useCancelConference = (id: string) =>
  useConferenceMutation(id, (reason: string) => api<{ id: string }>(`/api/conferences/${id}/cancel`, { method: 'POST', body: { reason } }));
export const useSetAgenda = (id: string) =>
  useConferenceMutation(id, (items: AgendaItem[]) => api<AgendaView[]>(`/api/conferences/${id}/agenda`, { method: 'PUT', body: items }));
export const useApplySessions = (id: string) =>
  useConferenceMutation(id, (sessions: SessionInput[]) => api<SessionView[]>(`/api/conferences/${id}/sessions`, { method: 'PUT', body: sessions }));
export const useAddDocument = (id: string) =>
  useConferenceMutation(id, (body: { kind: DocumentKind; title: string; sections: Array<{ heading: string; text: string }> }) =>
    api<DocumentView>(`/api/conferences/${id}/documents`, { method: 'POST', body }));
export const useSaveBridgePoint = (conferenceId: string) =>
  useConferenceMutation(conferenceId, ({ id, body }: { id: string | null; body: BridgePointInput }) => id
    ? api<BridgePointView>(`/api/bridge-points/${id}`, { method: 'PATCH', body })
    : api<BridgePointView>(`/api/conferences/${conferenceId}/bridge-points`, { method: 'POST', body }));
export const useDeleteBridgePoint = (conferenceId: string) =>
  useConferenceMutation(conferenceId, (id: string) => api<void>(`/api/bridge-points/${id}`, { method: 'DELETE' }));
export const useFileReport = () =>
  useConferenceMutation(null, ({ id, present, remarks }: { id: string; present: number; remarks: string }) =>
    api<BridgePointView>(`/api/bridge-points/${id}/report`, { method: 'POST', body: { present, remarks } }));

export function useAddComment(docId: string, conferenceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { sectionKey: string; body: string }) => api<CommentView>(`/api/conference-documents/${docId}/comments`, { method: 'POST', body }),
    onSuccess: () => Promise.all([
      qc.invalidateQueries({ queryKey: conferenceKeys.comments(docId) }),
      qc.invalidateQueries({ queryKey: conferenceKeys.detail(conferenceId) }),
    ]),
  });
}
