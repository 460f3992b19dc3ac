import { WORKPLACE_KINDS } from '../members/members.fields.js';
import type { AudienceDef } from './materials.audience.js';

const ENTERPRISES = WORKPLACE_KINDS.filter((k) => k === 'non_state_enterprise' || k === 'foreign_invested_enterprise');

/**
 * The audiences seed 001 names for tailored materials, created for a tenant on first use. Lower
 * priority first: a member who fits several reads the variant of the first one that has a variant.
 */
export const DEFAULT_AUDIENCES: AudienceDef[] = [
  {
    code: 'dan_toc_thieu_so', name: 'Đảng viên là người dân tộc thiểu số', priority: 10, isPublic: false,
    rule: [{ field: 'ethnicity', op: 'not_empty' }, { field: 'ethnicity', op: 'not_in', values: ['Kinh'] }],
  },
  { code: 'vung_sau_vung_xa', name: 'Đảng viên ở vùng sâu, vùng xa', priority: 20, isPublic: false, rule: [{ field: 'isRemoteArea', op: 'is_true' }] },
  {
    code: 'doanh_nghiep', name: 'Đảng viên trong doanh nghiệp ngoài nhà nước và có vốn đầu tư nước ngoài', priority: 30, isPublic: false,
    rule: [{ field: 'workplaceKind', op: 'in', values: [...ENTERPRISES] }],
  },
  { code: 'can_bo', name: 'Cán bộ, lãnh đạo quản lý', priority: 40, isPublic: false, rule: [{ field: 'isHeadOfUnit|isCommitteeMember', op: 'is_true' }] },
  {
    code: 'doan_the', name: 'Đoàn viên, hội viên các đoàn thể', priority: 50, isPublic: false,
    rule: [{ field: 'workPosition', op: 'contains_any', values: ['Hội', 'Đoàn', 'Công đoàn', 'Mặt trận'] }],
  },
  { code: 'nhan_dan', name: 'Quần chúng nhân dân', priority: 90, isPublic: true, rule: [] },
];
