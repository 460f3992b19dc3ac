/** Vietnamese words of the recommendation roll-up (tổng hợp kiến nghị, đề xuất). */
import { formatNumber } from '../../shared/lib/format';
import type { Answer, Group, GroupStatus } from './api';

export const STATUS: Record<GroupStatus, { label: string; color: string }> = {
  open: { label: 'Chưa xử lý', color: 'default' },
  selected: { label: 'Xác đáng', color: 'green' },
  dismissed: { label: 'Đã loại', color: 'default' },
};

export type FilterKey = 'all' | 'open' | 'selected' | 'dismissed' | 'forwarded' | 'reported' | 'answered';

export const FILTERS: Array<{ key: FilterKey; label: string; test: (g: Group) => boolean }> = [
  { key: 'all', label: 'Tất cả', test: () => true },
  { key: 'open', label: 'Chưa xử lý', test: (g) => g.status === 'open' },
  { key: 'selected', label: 'Xác đáng', test: (g) => g.status === 'selected' },
  { key: 'dismissed', label: 'Đã loại', test: (g) => g.status === 'dismissed' },
  { key: 'forwarded', label: 'Đã chuyển cấp trên', test: (g) => !!g.forwardedAt },
  { key: 'reported', label: 'Đã trình Thường vụ', test: (g) => !!g.reportedAt },
  { key: 'answered', label: 'Đã trả lời', test: (g) => g.answers.length > 0 },
];

/** "Trả lời của Đảng ủy xã …": an answer given at the group's own level carries no org name. */
export const answerOrg = (a: Answer, ownOrgName: string) => a.orgName || ownOrgName;

export const K = {
  tab: 'Kiến nghị',
  pageTitle: 'Kiến nghị, đề xuất',
  poolOf: (org: string) => `Kiến nghị, đề xuất tổng hợp tại ${org}`,
  parentLink: (org: string) => `Lên ${org}`,
  sentences: 'Câu kiến nghị đã trích',
  extracted: 'Bài thu hoạch có kiến nghị',
  groups: 'Nhóm kiến nghị',
  unassigned: 'Chưa xếp nhóm',
  gather: 'Tổng hợp ngay',
  gathered: (r: { sentences: number; assigned: number; newGroups: number }) =>
    r.sentences + r.assigned === 0 ? 'Không có kiến nghị mới để tổng hợp' : `Đã tổng hợp: ${formatNumber(r.sentences)} câu kiến nghị mới, ${formatNumber(r.newGroups)} nhóm mới`,
  pending: 'Đang chờ tổng hợp các bài thu hoạch mới nộp; danh sách sẽ tự cập nhật sau ít phút.',
  readOnly: 'Đồng chí chỉ xem danh sách này; việc gộp, tách, chọn và chuyển kiến nghị do Ban Tuyên giáo của cấp ủy thực hiện.',
  explain: 'Các câu kiến nghị trong bài thu hoạch đánh máy của đảng viên được tự động gom thành nhóm theo nội dung. Hãy gộp các nhóm trùng ý, tách ý khác ra, chọn kiến nghị xác đáng rồi chuyển lên cấp trên hoặc trình Thường vụ.',
  children: 'Kiến nghị của các cấp ủy cấp dưới',
  childLine: (c: { groups: number; selected: number; forwarded: number; count: number }) =>
    `${formatNumber(c.count)} ý kiến · ${formatNumber(c.groups)} nhóm · ${formatNumber(c.selected)} xác đáng · ${formatNumber(c.forwarded)} đã chuyển lên`,
  childOrg: 'Cấp ủy',
  originsMore: (n: number) => `và ${formatNumber(n)} đơn vị khác`,
  originsLess: 'thu gọn',
  total: (n: number) => `${formatNumber(n)} nhóm`,
  search: 'Tìm trong tiêu đề nhóm kiến nghị',
  empty: 'Chưa có kiến nghị nào được tổng hợp ở cấp ủy này.',
  emptyFilter: 'Không có nhóm kiến nghị nào khớp.',
  colTitle: 'Nội dung kiến nghị',
  colCount: 'Số ý kiến',
  colStatus: 'Trạng thái',
  colActions: 'Thao tác',
  count: (n: number) => `${formatNumber(n)} ý kiến`,
  fromOrigins: 'Từ',
  edited: 'đã sửa tiêu đề',
  editTitle: 'Sửa tiêu đề',
  forwardedMark: 'Đã chuyển cấp trên',
  reportedMark: 'Đã trình Thường vụ',
  answeredMark: 'Đã trả lời',
  forwardedTo: (orgs: string) => `Đã chuyển lên: ${orgs}`,
  answerOf: (org: string) => `Trả lời của ${org}`,
  answeredBy: (name: string | null, when: string) => [name, when].filter(Boolean).join(' · '),
  selected: (n: number) => `Đã chọn ${formatNumber(n)} nhóm`,
  // Actions.
  select: 'Chọn là xác đáng',
  dismiss: 'Loại',
  reopen: 'Đưa về chưa xử lý',
  forwardUpper: 'Chuyển lên cấp trên',
  report: 'Trình Thường vụ',
  withdraw: 'Rút lại',
  answer: 'Trả lời',
  merge: 'Gộp nhóm',
  split: 'Tách thành nhóm mới',
  actions: 'Thao tác',
  clearSelection: 'Bỏ chọn',
  done: {
    selected: 'Đã chọn là kiến nghị xác đáng',
    dismissed: 'Đã loại nhóm kiến nghị',
    open: 'Đã đưa về chưa xử lý',
    forwardUpper: 'Đã chuyển kiến nghị lên cấp trên',
    report: 'Đã trình Ban Thường vụ',
    withdraw: 'Đã rút lại kiến nghị',
    answer: 'Đã lưu trả lời; trả lời được chuyển xuống các cấp ủy và chi bộ đã đề xuất',
    title: 'Đã sửa tiêu đề',
    merged: (n: number) => `Đã gộp ${formatNumber(n)} nhóm`,
    split: (n: number) => `Đã tách ${formatNumber(n)} ý kiến thành nhóm mới`,
    bulk: (n: number) => `Đã cập nhật ${formatNumber(n)} nhóm`,
  },
  confirmWithdraw: 'Rút kiến nghị này khỏi danh sách của cấp trên? Trả lời của cấp trên (nếu có) sẽ không còn áp dụng.',
  confirmForward: (org: string) => `Chuyển kiến nghị này lên ${org}?`,
  yes: 'Đồng ý',
  cancel: 'Hủy',
  mergeTitle: 'Gộp các nhóm kiến nghị',
  mergeKeep: 'Chọn nhóm giữ lại tiêu đề; các ý kiến của những nhóm khác được chuyển vào nhóm này.',
  mergeNeedTwo: 'Chọn ít nhất hai nhóm để gộp',
  mergeLocked: 'Nhóm đã chuyển cấp trên hoặc đã có trả lời chỉ có thể là nhóm giữ lại.',
  splitTitle: 'Tách thành nhóm mới',
  splitHelp: (n: number) => `${formatNumber(n)} ý kiến đã chọn sẽ thành một nhóm mới. Tiêu đề nhóm mới (để trống thì lấy câu đầu tiên):`,
  splitPick: 'Chọn các ý kiến cần tách rồi bấm "Tách thành nhóm mới".',
  entries: 'Các ý kiến trong nhóm',
  entryForwarded: (org: string, n: number) => `${org} chuyển lên · ${formatNumber(n)} ý kiến`,
  answerTitle: 'Trả lời, giải quyết kiến nghị',
  answerHelp: 'Nội dung trả lời được gửi xuống các cấp ủy, chi bộ và đảng viên đã nêu kiến nghị này.',
  answerPlaceholder: 'Nội dung trả lời hoặc hướng giải quyết của cấp ủy',
  answerEmpty: 'Nhập nội dung trả lời',
  save: 'Lưu',
  answersLink: 'Kết quả kiến nghị của cấp ủy này',
};

/** The branch's (or committee's) view of its recommendations. */
export const A = {
  title: 'Kết quả kiến nghị',
  ofOrg: (org: string) => `Kiến nghị của ${org}`,
  pooledAt: (org: string) => `được tổng hợp tại ${org}`,
  empty: 'Chưa có kiến nghị nào của đơn vị được tổng hợp. Kiến nghị được lấy từ bài thu hoạch đánh máy của đảng viên.',
  fromOrg: (mine: number, all: number) => `${formatNumber(mine)} trong ${formatNumber(all)} ý kiến là của đơn vị`,
  notYet: 'Chưa có trả lời',
  waiting: 'Đang chờ Ban Tuyên giáo xem xét',
};

/** The member's own recommendations. */
export const M = {
  title: 'Kiến nghị của tôi',
  empty: 'Trong bài thu hoạch của đồng chí chưa có kiến nghị nào được tổng hợp. Kiến nghị được lấy từ phần "Đề xuất, kiến nghị" của bài thu hoạch đánh máy.',
  mine: 'Ý kiến của đồng chí',
  waiting: 'Đang chờ tổng hợp',
  groupedAs: 'Được tổng hợp vào kiến nghị',
  together: (n: number) => `Cùng ý kiến: ${formatNumber(n)} đảng viên`,
  forwardedTo: (orgs: string) => `Đã chuyển lên ${orgs}`,
  reported: 'Đã trình Ban Thường vụ',
  noAnswer: 'Chưa có trả lời',
  link: 'Kiến nghị của tôi',
};
