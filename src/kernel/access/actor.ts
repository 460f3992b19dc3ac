import type { Role } from './permissions.js';

export interface RoleGrant {
  role: Role;
  orgId: string;
}

/** Who is acting: resolved once per request from the session, passed to every service call. */
export interface Actor {
  userId: string;
  tenantId: string;
  username: string;
  displayName: string;
  memberId: string | null;
  grants: RoleGrant[];
  ip?: string;
  requestId?: string;
}
