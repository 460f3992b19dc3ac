import type { Role } from '../auth/api';

/** Roles that evaluate members at year end (mirrors evaluation.manage in src/kernel/access/permissions.ts). */
export const EVALUATION_ROLES: readonly Role[] = ['branch_committee', 'branch_secretary', 'committee_secretary', 'system_admin'];
/** Roles that approve the evaluations (evaluation.approve). */
export const EVALUATION_APPROVER_ROLES: readonly Role[] = ['branch_secretary', 'committee_secretary', 'system_admin'];
