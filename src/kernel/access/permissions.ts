/**
 * Roles and what they allow, as data. A role held on an org covers that org's whole subtree; the
 * `member` role covers only the member's own record (the SELF_ACTIONS).
 */
export const ROLES = [
  'system_admin',
  'propaganda_officer',
  'committee_secretary',
  'organization_officer',
  'branch_committee',
  'branch_secretary',
  'inspection_officer',
  'member',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'org.read',
  'org.manage',
  'member.read',
  'member.read_sensitive',
  'member.manage',
  'member.export',
  'audit.read',
  'campaign.read',
  'campaign.manage',
  'campaign.approve',
  'material.manage',
  'conference.manage',
  'attendance.record',
  'reflection.collect',
  'reflection.grade',
  'reflection.approve',
  'evaluation.manage',
  'evaluation.approve',
  'recommendation.manage',
  'recommendation.answer',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Action[]> = {
  system_admin: ['org.read', 'org.manage', 'member.read', 'member.manage', 'member.export', 'audit.read',
    'campaign.read', 'campaign.manage', 'campaign.approve', 'material.manage', 'conference.manage', 'attendance.record', 'reflection.collect',
    'reflection.grade', 'reflection.approve', 'evaluation.manage', 'evaluation.approve', 'recommendation.manage', 'recommendation.answer'],
  // The propaganda board gathers recommendations, forwards them, and relays the answers.
  propaganda_officer: ['org.read', 'member.read', 'member.manage', 'member.export',
    'campaign.read', 'campaign.manage', 'material.manage', 'conference.manage', 'attendance.record', 'reflection.collect',
    'recommendation.manage', 'recommendation.answer'],
  // The secretary of a party committee approves its plans, its reflection grades and its evaluations.
  committee_secretary: ['org.read', 'org.manage', 'member.read', 'member.export', 'audit.read',
    'campaign.read', 'campaign.manage', 'campaign.approve', 'conference.manage', 'attendance.record', 'reflection.collect',
    'reflection.grade', 'reflection.approve', 'evaluation.manage', 'evaluation.approve', 'recommendation.answer'],
  organization_officer: ['org.read', 'org.manage', 'member.read', 'member.read_sensitive', 'member.manage', 'member.export', 'audit.read',
    'campaign.read'],
  // A branch committee issues the branch's own plan, holds branch conferences and keeps attendance.
  branch_committee: ['org.read', 'member.read', 'member.manage', 'member.export',
    'campaign.read', 'campaign.manage', 'conference.manage', 'attendance.record', 'reflection.collect',
    'reflection.grade', 'evaluation.manage'],
  // The branch secretary (bí thư chi bộ): the committee's work, and approves grades and evaluations.
  branch_secretary: ['org.read', 'member.read', 'member.manage', 'member.export',
    'campaign.read', 'campaign.manage', 'conference.manage', 'attendance.record', 'reflection.collect',
    'reflection.grade', 'reflection.approve', 'evaluation.manage', 'evaluation.approve'],
  inspection_officer: ['org.read', 'member.read', 'audit.read', 'campaign.read'],
  member: [],
};

/** What a member may do on their own record, whatever roles they hold. */
export const SELF_ACTIONS: readonly Action[] = ['member.read', 'member.read_sensitive'];

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: 'Quản trị hệ thống',
  propaganda_officer: 'Cán bộ Ban Tuyên giáo',
  committee_secretary: 'Bí thư / Ủy viên Thường vụ',
  organization_officer: 'Cán bộ Ban Tổ chức',
  branch_committee: 'Chi ủy',
  branch_secretary: 'Bí thư chi bộ',
  inspection_officer: 'Cán bộ Ủy ban Kiểm tra',
  member: 'Đảng viên',
};

export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_PERMISSIONS[role].includes(action);
}
