import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/lib/http';

export interface OrgSummary {
  id: string; parentId: string | null; name: string; code: string; kind: string;
  levelId: string; levelName: string; levelRank: number; depth: number; status: string;
  memberCount: number; childCount: number;
}
export interface OrgDetail extends OrgSummary { ancestors: Array<{ id: string; name: string; code: string; depth: number }> }
export interface OrgVersion {
  orgId: string; parentId: string | null; parentName: string | null; name: string; code: string; kind: string; levelName: string;
  status: string; change: string; note: string | null; changedBy: string | null; validFrom: string; validTo: string | null;
}
export interface OrgLevel { id: string; code: string; name: string; rank: number }
export interface OrgSearchHit { id: string; name: string; code: string; kind: string; levelName: string; parentName: string | null; isLeaf: boolean }

export const orgKeys = {
  all: ['orgs'] as const,
  roots: ['orgs', 'roots'] as const,
  detail: (id: string) => ['orgs', 'detail', id] as const,
  children: (id: string) => ['orgs', 'children', id] as const,
  history: (id: string) => ['orgs', 'history', id] as const,
  childrenOn: (id: string, date: string) => ['orgs', 'children-on', id, date] as const,
  search: (q: string) => ['orgs', 'search', q] as const,
  levels: ['org-levels'] as const,
};

export const fetchRoots = () => api<OrgSummary[]>('/api/orgs');
export const fetchChildren = (id: string) => api<OrgSummary[]>(`/api/orgs/${id}/children`);

export const useRootOrgs = () => useQuery({ queryKey: orgKeys.roots, queryFn: fetchRoots });
export const useOrg = (id: string | null) =>
  useQuery({ queryKey: orgKeys.detail(id ?? ''), queryFn: () => api<OrgDetail>(`/api/orgs/${id}`), enabled: !!id });
export const useOrgChildren = (id: string | null) =>
  useQuery({ queryKey: orgKeys.children(id ?? ''), queryFn: () => fetchChildren(id!), enabled: !!id });
export const useOrgHistory = (id: string, enabled: boolean) =>
  useQuery({ queryKey: orgKeys.history(id), queryFn: () => api<OrgVersion[]>(`/api/orgs/${id}/history`), enabled });
export const useChildrenOn = (id: string, date: string | null) =>
  useQuery({ queryKey: orgKeys.childrenOn(id, date ?? ''), queryFn: () => api<OrgVersion[]>(`/api/orgs/${id}/children-on`, { query: { date } }), enabled: !!date });
export const useOrgLevels = () => useQuery({ queryKey: orgKeys.levels, queryFn: () => api<OrgLevel[]>('/api/org-levels'), staleTime: 10 * 60_000 });

export function useOrgSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: orgKeys.search(term),
    queryFn: () => api<OrgSearchHit[]>('/api/orgs/search', { query: { q: term, limit: 30 } }),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
  });
}

type Action =
  | { kind: 'create'; body: { parentId: string; levelId: string; kind: string; name: string; code: string } }
  | { kind: 'rename'; id: string; body: { name?: string; code?: string; note?: string } }
  | { kind: 'move'; id: string; body: { newParentId: string; note?: string } }
  | { kind: 'merge'; id: string; body: { targetId: string; note?: string } }
  | { kind: 'dissolve'; id: string; body: { note?: string } };

function send(a: Action) {
  switch (a.kind) {
    case 'create': return api<unknown>('/api/orgs', { method: 'POST', body: a.body });
    case 'rename': return api<unknown>(`/api/orgs/${a.id}`, { method: 'PATCH', body: a.body });
    default: return api<unknown>(`/api/orgs/${a.id}/${a.kind}`, { method: 'POST', body: a.body });
  }
}

/** Every change to the tree: afterwards all org data (counts, children, history) is refetched. */
export function useOrgAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.all }),
  });
}
