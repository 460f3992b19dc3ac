import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../shared/lib/http';

export type Role =
  | 'system_admin' | 'propaganda_officer' | 'committee_secretary' | 'organization_officer'
  | 'branch_committee' | 'branch_secretary' | 'inspection_officer' | 'member';

export interface Grant { role: Role; roleLabel: string; orgId: string; orgName: string }
export interface Me { userId: string; username: string; displayName: string; memberId: string | null; grants: Grant[] }

/** Roles that may add and update members (mirrors member.manage in src/kernel/access/permissions.ts). */
export const MEMBER_MANAGER_ROLES: readonly Role[] = ['system_admin', 'propaganda_officer', 'organization_officer', 'branch_committee', 'branch_secretary'];
/** Roles that may create, rename, move, merge and dissolve orgs (org.manage). */
export const ORG_MANAGER_ROLES: readonly Role[] = ['system_admin', 'committee_secretary', 'organization_officer'];

export const meKey = ['me'] as const;

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try { return await api<Me>('/api/me'); } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api<Me>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (me) => { qc.clear(); qc.setQueryData(meKey, me); },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => { qc.clear(); qc.setQueryData(meKey, null); },
  });
}

export const hasAnyRole = (me: Me | null | undefined, roles: readonly Role[]) => !!me?.grants.some((g) => roles.includes(g.role));

/** A user whose only role is `member` sees only their own page. */
export const isMemberOnly = (me: Me) => !!me.memberId && me.grants.every((g) => g.role === 'member');

/** Whether one of the user's grants of these roles covers the org (held on it or on an ancestor). */
export function coversOrg(me: Me | null | undefined, roles: readonly Role[], orgId: string, ancestorIds: readonly string[]): boolean {
  const chain = new Set([orgId, ...ancestorIds]);
  return !!me?.grants.some((g) => roles.includes(g.role) && chain.has(g.orgId));
}
