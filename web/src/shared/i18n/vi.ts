/**
 * Every Vietnamese word the web app shows, in one place. Member attribute labels come from the server's
 * own list (src/modules/members/members.fields.ts), so import, export, API and UI always agree.
 */
export {
  GENDERS, MEMBER_STATUSES, THEORY_LEVELS, WORKPLACE_KINDS, LABELS,
} from '../../../../src/modules/members/members.fields';
export type { Gender, MemberStatus, TheoryLevel, WorkplaceKind } from '../../../../src/modules/members/members.fields';

export const APP_NAME = 'Quán Triệt';
export const APP_SUBTITLE = 'Học tập, quán triệt và triển khai thực hiện Nghị quyết';

export const NAV = {
  orgs: 'Tổ chức đảng',
  members: 'Đảng viên',
  imports: 'Nhập danh sách',
  me: 'Hồ sơ của tôi',
  campaigns: 'Học tập Nghị quyết',
  bridgePoints: 'Điểm cầu giám sát',
  myCampaign: 'Học tập của tôi',
  logout: 'Đăng xuất',
  menu: 'Trình đơn',
};

/** Known kinds of org (free text on the server; these are the ones the system creates). */
export const ORG_KINDS: Record<string, string> = {
  provincial_committee: 'Đảng bộ tỉnh',
  district_committee: 'Đảng bộ huyện và tương đương',
  commune_committee: 'Đảng bộ xã, phường, đặc khu',
  agency_bloc_committee: 'Đảng bộ khối cơ quan',
  armed_forces_committee: 'Đảng bộ Quân sự',
  police_committee: 'Đảng bộ Công an',
  grassroots_committee: 'Đảng bộ cơ sở',
  grassroots_branch: 'Chi bộ cơ sở',
  sub_committee: 'Đảng bộ bộ phận',
  branch: 'Chi bộ trực thuộc',
};
export const orgKindLabel = (kind: string) => ORG_KINDS[kind] ?? kind;

/** The change that opened a version of an org (org history). */
export const ORG_CHANGES: Record<string, string> = {
  create: 'Thành lập', rename: 'Đổi tên', move: 'Chuyển', merge: 'Sáp nhập', dissolve: 'Giải thể',
};
export const orgChangeLabel = (change: string) => ORG_CHANGES[change] ?? change;

export const ORG_STATUS: Record<string, string> = { active: 'Đang hoạt động', dissolved: 'Đã giải thể', merged: 'Đã sáp nhập' };

export const MEMBER_FLAGS = {
  isExempt: 'Miễn sinh hoạt',
  isRemoteArea: 'Vùng sâu, vùng xa',
  isHeadOfUnit: 'Người đứng đầu',
  isCommitteeMember: 'Cấp ủy viên',
} as const;
export type MemberFlag = keyof typeof MEMBER_FLAGS;

export const FILTER_LABELS = {
  gender: 'Giới tính',
  status: 'Loại đảng viên',
  theoryLevel: 'Trình độ LLCT',
  workplaceKind: 'Nơi làm việc',
  yes: 'Có',
  no: 'Không',
  all: 'Tất cả',
};

export const MSG = {
  loading: 'Đang tải...',
  notFoundMember: 'Không tìm thấy đảng viên hoặc bạn không có quyền xem',
  notFoundPage: 'Không tìm thấy trang này',
  empty: 'Không có dữ liệu',
  retry: 'Thử lại',
  back: 'Quay lại',
  cancel: 'Hủy',
  save: 'Lưu',
  confirm: 'Xác nhận',
  close: 'Đóng',
  saved: 'Đã lưu thay đổi',
};
