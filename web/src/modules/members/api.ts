import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/lib/http';
import type { Gender, MemberStatus, TheoryLevel, WorkplaceKind } from '../../shared/i18n/vi';

export interface MemberListItem {
  id: string; fullName: string; gender: Gender | null; birthDate: string | null; birthYearOnly: boolean;
  status: MemberStatus; cardNumber: string | null; partyPosition: string | null; branchId: string; branchName: string; isExempt: boolean;
}
export interface MemberPage { items: MemberListItem[]; total: number; page: number; pageSize: number }

export interface MemberDetail {
  id: string; fullName: string; gender: Gender | null; birthDate: string | null; birthYearOnly: boolean;
  homeTown: string | null; ethnicity: string | null; religion: string | null;
  cardNumber: string | null; recordNumber: string | null; status: MemberStatus; admissionDate: string | null; officialDate: string | null;
  qualification: string | null; theoryLevel: TheoryLevel | null; partyPosition: string | null; workPosition: string | null;
  personalId: string | null; workplaceKind: WorkplaceKind | null;
  isRemoteArea: boolean; isExempt: boolean; isHeadOfUnit: boolean; isCommitteeMember: boolean;
  phone: string | null; email: string | null; branchId: string; leftAt: string | null;
  branch: { id: string; name: string; code: string; path: string } | null;
  abilities: { canEdit: boolean; canSeePersonalId: boolean };
}

/** The list's filters as they travel in the URL and to GET /api/members. */
export const FILTER_KEYS = ['gender', 'status', 'theoryLevel', 'workplaceKind', 'isExempt', 'isRemoteArea', 'isHeadOfUnit', 'isCommitteeMember'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export interface MemberQuery { orgId: string; q?: string; page: number; pageSize: number; filters: Partial<Record<FilterKey, string>> }

export const memberKeys = {
  list: (q: MemberQuery) => ['members', 'list', q] as const,
  detail: (id: string) => ['members', 'detail', id] as const,
};

export function useMemberList(query: MemberQuery | null) {
  return useQuery({
    queryKey: memberKeys.list(query ?? { orgId: '', page: 1, pageSize: 20, filters: {} }),
    queryFn: () => api<MemberPage>('/api/members', {
      query: { orgId: query!.orgId, q: query!.q?.trim() || undefined, page: query!.page, pageSize: query!.pageSize, ...query!.filters },
    }),
    enabled: !!query?.orgId,
    placeholderData: keepPreviousData,
  });
}

export const useMember = (id: string) =>
  useQuery({ queryKey: memberKeys.detail(id), queryFn: () => api<MemberDetail>(`/api/members/${encodeURIComponent(id)}`) });
