/** Vietnamese words of the attendance pages (điểm danh, học bù, tiến độ, học tập của tôi). */
export const ATTENDANCE_STATUS: Record<string, { label: string; color: string }> = {
  invited: { label: 'Chưa điểm danh', color: 'default' },
  present: { label: 'Có mặt', color: 'success' },
  absent: { label: 'Vắng', color: 'error' },
};

export const MAKEUP_MODE: Record<string, string> = { session: 'Buổi học bù', self_study: 'Tự nghiên cứu có hướng dẫn' };
export const MAKEUP_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: 'Chưa học bù', color: 'warning' },
  completed: { label: 'Đã học bù', color: 'success' },
};

export const CONFERENCE_STATUS: Record<string, { label: string; color: string }> = {
  scheduled: { label: 'Sắp diễn ra', color: 'processing' },
  held: { label: 'Đã tổ chức', color: 'default' },
  cancelled: { label: 'Đã hủy', color: 'error' },
};

export const T = {
  attendanceTitle: 'Điểm danh hội nghị',
  checkInTitle: 'Quét mã QR điểm danh',
  roster: 'Danh sách mời',
  search: 'Tìm theo họ tên (không cần dấu)',
  allBranches: 'Tất cả chi bộ',
  allStatuses: 'Tất cả',
  present: 'Có mặt',
  absent: 'Vắng',
  undo: 'Bỏ đánh dấu',
  reason: 'Lý do vắng',
  reasonPlaceholder: 'Ví dụ: ốm, đi công tác, việc gia đình',
  markPresentSelected: 'Đánh dấu có mặt',
  closeConference: 'Kết thúc hội nghị',
  closeConfirm: 'Kết thúc hội nghị? Những người chưa điểm danh sẽ được ghi là vắng và đưa vào danh sách học bù.',
  closed: (present: number, absent: number) => `Đã kết thúc hội nghị: ${present} có mặt, ${absent} vắng đưa vào danh sách học bù.`,
  printCodes: 'In danh sách kèm mã QR',
  openScanner: 'Quét mã QR',
  startCamera: 'Bật camera',
  stopCamera: 'Tắt camera',
  cameraError: 'Không mở được camera. Hãy cho phép trình duyệt dùng camera, hoặc nhập mã bằng tay.',
  manualCode: 'Nhập mã trên giấy mời',
  manualSubmit: 'Điểm danh',
  checkedIn: 'Đã điểm danh',
  alreadyPresent: 'Đã điểm danh trước đó lúc',
  guest: 'Khách mời',
  pending: (n: number) => `Đang chờ gửi: ${n} lượt quét`,
  pendingHint: 'Mất kết nối: các lượt quét được lưu trên máy này và tự gửi khi có mạng trở lại.',
  sendNow: 'Gửi ngay',
  queued: 'Chưa gửi được (mất kết nối), đã lưu để gửi sau',
  synced: (n: number, fresh: number, again: number, failed: number) =>
    `Đã gửi ${n} lượt quét: ${fresh} điểm danh mới, ${again} đã có mặt trước đó${failed ? `, ${failed} không hợp lệ` : ''}.`,
  syncFailed: 'Các lượt quét sau không được ghi nhận',
  session: (n: number) => `Phiên ${n}`,
  makeupTitle: 'Danh sách học bù',
  arrange: 'Bố trí học bù',
  confirm: 'Xác nhận đã học',
  mode: 'Hình thức',
  when: 'Thời gian',
  place: 'Địa điểm',
  note: 'Ghi chú',
  coverageTitle: 'Tiến độ học tập, quán triệt',
  covered: 'Đảng viên thuộc diện học',
  invited: 'Được mời',
  attended: 'Đã dự hội nghị',
  madeUp: 'Đã học bù',
  reached: 'Đã học (dự + học bù)',
  plan: 'Kế hoạch',
  planIssued: (d: string) => `Đã ban hành ${d}`,
  planMissing: 'Chưa ban hành',
  planLate: 'Trễ hạn',
  planNotRequired: 'Không yêu cầu',
  myCampaignTitle: 'Học tập của tôi',
  myConferences: 'Hội nghị của tôi',
  myMaterials: 'Tài liệu của tôi',
  myMakeups: 'Học bù',
  showQr: 'Mở mã QR điểm danh',
  qrHelp: 'Đưa mã này cho người điểm danh quét khi đến hội nghị.',
  agenda: 'Chương trình',
  bridgePoint: 'Điểm cầu',
  inPerson: 'trực tiếp trình bày',
  noCampaign: 'Hiện chưa có đợt học tập nào dành cho đồng chí.',
  noConference: 'Chưa có hội nghị nào mời đồng chí.',
};

/** The frame of a member's own pages of a campaign (reflection, recommendations). */
export const MY_FRAME = {
  back: 'Về trang học tập',
  notMember: 'Trang này dành cho đảng viên',
  noCampaign: 'Chưa chọn đợt học tập',
};
