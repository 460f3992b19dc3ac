import dayjs, { type Dayjs } from 'dayjs';
import { formatNumber } from '../../shared/lib/format';

/** Vietnamese words of the conference pages (hội nghị, phiên họp, điểm cầu, văn bản thảo luận). */

export const AUDIENCE_LABELS: Record<string, string> = {
  all_members: 'Toàn thể đảng viên',
  key_cadres: 'Cán bộ chủ chốt',
  retired_leaders: 'Nguyên lãnh đạo, cán bộ hưu trí',
  enterprise_leaders: 'Chủ tịch, giám đốc doanh nghiệp',
  custom: 'Đối tượng khác',
};
export const FORMAT_LABELS: Record<string, { label: string; color: string }> = {
  in_person: { label: 'Trực tiếp', color: 'blue' },
  online: { label: 'Trực tuyến', color: 'purple' },
};
const STATUS_LABELS: Record<string, { label: string; color: string }> = {
  scheduled: { label: 'Sắp diễn ra', color: 'processing' },
  ongoing: { label: 'Đang diễn ra', color: 'success' },
  unclosed: { label: 'Đã diễn ra, chưa chốt điểm danh', color: 'warning' },
  held: { label: 'Đã tổ chức', color: 'default' },
  cancelled: { label: 'Đã hủy', color: 'error' },
};

/**
 * What a conference's tag says: a scheduled one is upcoming, under way, or over with its roll not yet
 * closed (its absentees are not on the make-up list until the organizer closes it), by the clock.
 */
export function conferenceStatus(c: { status: string; startsAt: string; endsAt?: string | null }, now: Dayjs = dayjs()) {
  if (c.status !== 'scheduled') return STATUS_LABELS[c.status] ?? STATUS_LABELS.scheduled;
  const start = dayjs(c.startsAt);
  const end = c.endsAt ? dayjs(c.endsAt) : start.endOf('day');
  if (now.isBefore(start)) return STATUS_LABELS.scheduled;
  return now.isAfter(end) ? STATUS_LABELS.unclosed : STATUS_LABELS.ongoing;
}
export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  thematic_resolution: 'Nghị quyết chuyên đề',
  plan: 'Kế hoạch',
  project: 'Đề án',
};

export const T = {
  pageTitle: 'Hội nghị học tập, quán triệt',
  schedule: 'Lên lịch hội nghị',
  upcoming: 'Sắp diễn ra',
  past: 'Đã qua',
  none: 'Chưa có hội nghị nào',
  noneUpcoming: 'Không có hội nghị sắp diễn ra',
  when: 'Thời gian', org: 'Cấp tổ chức', audience: 'Đối tượng', format: 'Hình thức', invitedPresent: 'Mời / có mặt',
  title: 'Tên hội nghị', audienceNote: 'Ghi chú về đối tượng', venue: 'Địa điểm (hội trường, điểm cầu chính)', capacity: 'Sức chứa (chỗ ngồi)',
  startsAt: 'Bắt đầu', endsAt: 'Kết thúc', includeExempt: 'Mời cả đảng viên được miễn sinh hoạt',
  includeExemptByPlan: (yes: boolean) => `Theo kế hoạch của cấp phát động: ${yes ? 'có mời' : 'không mời'}`,
  deadline: (d: string) => `Thời hạn tổ chức hội nghị theo kế hoạch: ${d}`,
  noDeadline: 'Kế hoạch không quy định thời hạn tổ chức hội nghị cho cấp này',
  noPlan: 'Chưa có kế hoạch đã ban hành cho tổ chức này: chưa thể lên lịch',
  created: 'Đã lên lịch hội nghị',
  tabInfo: 'Thông tin & chương trình', tabSessions: 'Phiên họp', tabBridge: 'Điểm cầu', tabDocs: 'Văn bản thảo luận',
  attendance: 'Điểm danh', checkIn: 'Quét mã QR', cancel: 'Hủy hội nghị', cancelReason: 'Lý do hủy',
  cancelConfirm: 'Hủy hội nghị này? Thao tác không hoàn tác được.',
  agenda: 'Chương trình hội nghị', topic: 'Chuyên đề', speaker: 'Báo cáo viên', speakerTitle: 'Chức vụ', minutes: 'Số phút',
  inPerson: 'Trực tiếp trình bày', addTopic: 'Thêm chuyên đề', saveAgenda: 'Lưu chương trình', saved: 'Đã lưu',
  secretaryNote: 'Bí thư cấp ủy trực tiếp quán triệt, chỉ đạo: đánh dấu "Trực tiếp trình bày" cho chuyên đề đồng chí Bí thư trình bày.',
  overCapacity: (invited: number, capacity: number) => `Số người được mời (${formatNumber(invited)}) vượt sức chứa hội trường (${formatNumber(capacity)} chỗ). Nên chia thành nhiều phiên, giữ nguyên từng chi bộ.`,
  proposeSplit: 'Đề xuất chia phiên', hallCapacity: 'Sức chứa mỗi phiên', session: (n: number) => `Phiên ${n}`,
  load: (n: number, cap: number) => `${formatNumber(n)} / ${formatNumber(cap)} chỗ`, guests: (n: number) => `${n} khách mời`, oversized: 'Chi bộ vượt sức chứa',
  moveTo: 'Chuyển sang', apply: 'Áp dụng', applied: 'Đã áp dụng phương án chia phiên', addSession: 'Thêm phiên',
  sessionVenue: 'Địa điểm', sessionStart: 'Thời gian',
  unitsHint: 'Chọn tổ chức ở bất kỳ cấp nào trong phạm vi tổ chức hội nghị; đảng viên dự tại điểm cầu của đơn vị gần nhất chứa chi bộ của mình.',
  unitsPlaceholder: 'Gõ tên để tìm đơn vị', atPoint: (name: string) => `đã thuộc ${name}`,
  bridgePoints: 'Điểm cầu', addPoint: 'Thêm điểm cầu', pointName: 'Tên điểm cầu', place: 'Địa điểm', units: 'Đơn vị dự tại điểm cầu',
  supervisor: 'Ủy viên Ban Thường vụ giám sát', expectedPresent: 'Dự kiến / có mặt', report: 'Báo cáo giám sát', noReport: 'Chưa báo cáo',
  onlineOnly: 'Chỉ hội nghị trực tuyến mới có điểm cầu.', deletePoint: 'Xóa điểm cầu?',
  documents: 'Văn bản đưa ra thảo luận', addDocument: 'Đưa văn bản ra thảo luận', docKind: 'Loại văn bản', docTitle: 'Tên văn bản',
  sections: 'Các mục', heading: 'Tiêu đề mục', text: 'Nội dung', addSection: 'Thêm mục', comments: (n: number) => `${n} ý kiến`,
  comment: 'Góp ý', commentPlaceholder: 'Ý kiến góp ý cho mục này', send: 'Gửi góp ý', noComments: 'Chưa có ý kiến',
  myPoints: 'Điểm cầu tôi giám sát', noPoints: 'Đồng chí chưa được phân công giám sát điểm cầu nào',
  present: 'Có mặt', expected: 'Dự kiến', remarks: 'Nhận xét', fileReport: 'Gửi báo cáo', refile: 'Gửi lại báo cáo',
  reported: (at: string) => `Đã báo cáo lúc ${at}`, reportSent: 'Đã gửi báo cáo giám sát',
  save: 'Lưu', cancelBtn: 'Hủy', edit: 'Sửa', delete: 'Xóa', required: 'Bắt buộc',
  editInfo: 'Sửa thông tin hội nghị', saveInfo: 'Lưu thay đổi', infoSaved: 'Đã lưu thông tin hội nghị', noChange: 'Chưa có thay đổi nào',
  capacityMin: 'Sức chứa ít nhất là 1 chỗ', capacityMax: 'Sức chứa tối đa là 100.000 chỗ',
  endsBeforeStart: 'Giờ kết thúc phải sau giờ bắt đầu',
  editHint: 'Đổi đối tượng hoặc việc mời đảng viên được miễn sinh hoạt sẽ cập nhật lại danh sách mời; những người đã điểm danh được giữ nguyên.',
  onlineToInPerson: 'Hội nghị đang có điểm cầu: xóa các điểm cầu trước khi chuyển sang hình thức trực tiếp.',
};

/** What the officer types is Vietnamese wall-clock time, wherever the browser thinks it is. */
export function toVnIso(d: Dayjs): string {
  return `${d.format('YYYY-MM-DDTHH:mm')}:00+07:00`;
}

/** An instant as a dayjs holding its Vietnamese wall-clock time (for pickers). */
export function fromIso(iso: string): Dayjs {
  const wall = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
  return dayjs(wall);
}

/** `yyyy-mm-dd` → `dd/MM/yyyy`. */
export const dayText = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
