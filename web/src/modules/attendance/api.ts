import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/lib/http';

export interface RosterItem {
  id: string; memberId: string | null; fullName: string; branchId: string | null; branchName: string | null;
  guestTitle: string | null; guestOrg: string | null; status: 'invited' | 'present' | 'absent'; absenceReason: string | null;
  checkedInAt: string | null; checkInMethod: string | null; sessionSeq: number | null; bridgePointName: string | null; qrCode: string | null;
}
export interface Roster {
  items: RosterItem[]; total: number;
  counts: { all: number; invited: number; present: number; absent: number };
  branches: Array<{ id: string; name: string; count: number }>;
}
export interface RosterQuery { branchId?: string; status?: string; q?: string; page?: number; pageSize?: number }

export interface CheckInResult {
  outcome: 'checked_in' | 'already_present'; invitationId: string; memberId: string | null; checkedInAt: string;
  fullName: string; branchName: string | null;
}

export interface ConferenceHead {
  id: string; title: string; status: 'scheduled' | 'held' | 'cancelled'; startsAt: string; venue: string; orgId: string; orgName?: string;
  campaignId: string; format: string;
}

export interface MakeupItem {
  id: string; memberId: string; fullName: string; branchId: string; branchName: string; conferenceId: string; conferenceTitle: string;
  conferenceStartsAt: string; absenceReason: string | null; mode: 'session' | 'self_study' | null; scheduledAt: string | null;
  place: string | null; status: 'pending' | 'completed'; confirmedAt: string | null; note: string | null;
}

export interface CoverageCounts { covered: number; invited: number; attended: number; madeUp: number }
export interface CoverageRow extends CoverageCounts {
  orgId: string; orgName: string; orgCode: string; isLeaf: boolean; planRequired: boolean; planIssued: boolean;
  planIssuedOn: string | null; planDueBy: string | null; planLate: boolean;
}
export interface Coverage { campaignId: string; orgId: string; orgName: string; total: CoverageCounts; children: CoverageRow[] }

export interface MyConference {
  invitationId: string; conferenceId: string; campaignId: string; title: string; orgName: string; format: string;
  conferenceStatus: string; startsAt: string; endsAt: string | null; venue: string; sessionSeq: number | null;
  bridgePoint: { name: string; place: string } | null; status: 'invited' | 'present' | 'absent'; checkedInAt: string | null;
  absenceReason: string | null; qrCode: string;
  agenda: Array<{ seq: number; topic: string; speakerName: string; speakerTitle: string; inPerson: boolean }>;
}
export interface MyCampaign {
  id: string; title: string; resolutionTitle: string; orgName: string; conferences: MyConference[];
  makeups: Array<{ id: string; conferenceId: string; mode: string | null; scheduledAt: string | null; place: string | null; status: string; confirmedAt: string | null }>;
}

export const useConferenceHead = (id: string) =>
  useQuery({ queryKey: ['conference', id], queryFn: () => api<ConferenceHead>(`/api/conferences/${id}`) });

export const useRoster = (id: string, query: RosterQuery) =>
  useQuery({
    queryKey: ['roster', id, query],
    queryFn: () => api<Roster>(`/api/conferences/${id}/invitations`, { query: { ...query } }),
    placeholderData: keepPreviousData,
  });

export function useCheckIn(conferenceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<CheckInResult>(`/api/conferences/${conferenceId}/check-in`, { method: 'POST', body: { code } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['roster', conferenceId] }),
  });
}

export type SyncedScan =
  | ({ code: string; ok: true } & CheckInResult)
  | { code: string; ok: false; error: { status: number; code: string; title: string } };
export interface SyncResult { checkedIn: number; alreadyPresent: number; failed: number; results: SyncedScan[] }

/** Sends scans kept offline in one request (at most 2,000); each code's answer, in order. */
export const syncCheckIns = (conferenceId: string, codes: Array<{ code: string; scannedAt: string }>) =>
  api<SyncResult>(`/api/conferences/${conferenceId}/check-ins`, { method: 'POST', body: { codes } });

export interface Mark { invitationId: string; status: 'present' | 'absent' | 'invited'; reason?: string | null }
export function useMarkAttendance(conferenceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (marks: Mark[]) => api<{ changed: number }>(`/api/conferences/${conferenceId}/attendance`, { method: 'POST', body: { marks } }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['roster', conferenceId] }),
  });
}

export function useCloseConference(conferenceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ invited: number; present: number; absent: number; makeups: number }>(`/api/conferences/${conferenceId}/close`, { method: 'POST' }),
    onSettled: () => { qc.invalidateQueries({ queryKey: ['roster', conferenceId] }); qc.invalidateQueries({ queryKey: ['conference', conferenceId] }); },
  });
}

export const useMakeups = (campaignId: string, query: { orgId?: string; status?: string }) =>
  useQuery({ queryKey: ['makeups', campaignId, query], queryFn: () => api<MakeupItem[]>(`/api/campaigns/${campaignId}/makeups`, { query }) });

export function useMakeupActions(campaignId: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['makeups', campaignId] });
  return {
    plan: useMutation({
      mutationFn: ({ id, ...body }: { id: string; mode: 'session' | 'self_study'; scheduledAt?: string | null; place?: string | null; note?: string | null }) =>
        api(`/api/makeups/${id}`, { method: 'PATCH', body }),
      onSettled: done,
    }),
    confirm: useMutation({
      mutationFn: ({ id, ...body }: { id: string; mode: 'session' | 'self_study'; note?: string | null }) =>
        api<{ alreadyConfirmed: boolean }>(`/api/makeups/${id}/confirm`, { method: 'POST', body }),
      onSettled: done,
    }),
  };
}

export const useCoverage = (campaignId: string, orgId?: string) =>
  useQuery({
    queryKey: ['coverage', campaignId, orgId ?? null],
    queryFn: () => api<Coverage>(`/api/campaigns/${campaignId}/coverage`, { query: { orgId } }),
    placeholderData: keepPreviousData,
  });

export const useMyCampaigns = () => useQuery({ queryKey: ['my-campaigns'], queryFn: () => api<MyCampaign[]>('/api/me/campaigns') });
