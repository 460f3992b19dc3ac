/** Vietnamese words of the year-end evaluation pages (đánh giá, xếp loại đảng viên). */
export { GROUP_LABELS } from '../../../../src/modules/evaluations/evaluations.rules';

export const NAV_LABEL = 'Đánh giá, xếp loại';

export const EVAL_STATUS: Record<'none' | 'draft' | 'approved', { label: string; color: string }> = {
  none: { label: 'Chưa đánh giá', color: 'default' },
  draft: { label: 'Dự thảo', color: 'processing' },
  approved: { label: 'Đã duyệt', color: 'success' },
};

/** Colours of the grades of a scheme by rank, best first. */
export const GRADE_COLORS = ['green', 'blue', 'gold', 'red', 'volcano', 'magenta'];

export const ATTEND: Record<string, { label: string; color: string }> = {
  invited: { label: 'Chưa điểm danh', color: 'default' },
  present: { label: 'Có mặt', color: 'success' },
  absent: { label: 'Vắng', color: 'error' },
};
export const MAKEUP: Record<string, { label: string; color: string }> = {
  pending: { label: 'Chưa học bù', color: 'warning' },
  completed: { label: 'Đã học bù', color: 'success' },
};
export const REFLECTION_GRADE_STATUS: Record<string, string> = {
  ungraded: 'Chưa chấm', draft: 'Đang chấm', submitted: 'Chờ duyệt kết quả chấm', approved: 'Đã duyệt kết quả chấm',
};

export const T = {
  title: 'Đánh giá, xếp loại đảng viên cuối năm',
  branch: 'Chi bộ',
  year: 'Năm',
  pickBranch: 'Chọn chi bộ để xem bảng đánh giá, xếp loại',
  notLeaf: 'Hãy chọn một chi bộ (tổ chức có đảng viên sinh hoạt)',
  export: 'Xuất Excel',
  approveSelected: (n: number) => `Duyệt ${n} đảng viên đã chọn`,
  approveAll: 'Duyệt các bản đã chấm đủ',
  approveConfirm: 'Sau khi duyệt, kết quả đánh giá, xếp loại được khóa, không sửa được. Tiếp tục?',
  approved: (n: number, already: number) => `Đã duyệt ${n} đảng viên${already ? `, ${already} đã được duyệt trước đó` : ''}`,
  skipped: 'Chưa duyệt',
  stt: 'STT', name: 'Họ và tên', card: 'Số thẻ', study: 'Học tập trong năm', total: 'Tổng điểm', grade: 'Xếp loại', status: 'Trạng thái',
  evaluate: 'Chấm điểm', view: 'Xem',
  scored: (n: number, all: number) => `Đã chấm ${n}/${all}`,
  approvedCount: (n: number) => `Đã duyệt ${n}`,
  exempt: 'Miễn sinh hoạt', head: 'Người đứng đầu', committee: 'Cấp ủy viên',
  evidence: 'Kết quả học tập trong năm',
  attendance: 'Dự hội nghị học tập, quán triệt',
  reflections: 'Bài thu hoạch',
  actionPlan: 'Kế hoạch hành động cá nhân',
  actionPlanNone: 'Hệ thống chưa theo dõi kế hoạch hành động cá nhân; chi ủy đánh giá theo báo cáo của đồng chí.',
  actionPlanNotHead: 'Chỉ người đứng đầu cơ quan, đơn vị xây dựng kế hoạch hành động cá nhân.',
  noConference: 'Không có hội nghị nào trong năm',
  noReflection: 'Chưa có bài thu hoạch nào trong năm',
  missingReflection: 'Chưa nộp bài thu hoạch',
  useAsEvidence: 'Minh chứng',
  open: 'Mở',
  submittedOn: 'Nộp ngày',
  scores: 'Chấm điểm theo tiêu chí',
  points: (n: number) => `${n} điểm`,
  totalLine: 'Tổng điểm',
  totalSoFar: 'Tổng điểm tạm tính',
  unscored: 'Chưa chấm điểm',
  partly: 'Chưa chấm đủ tiêu chí',
  requirement: (grade: string) => `Điều kiện xếp loại “${grade}”`,
  needsConfirm: (grade: string) => `Đủ điểm nhưng chưa xác nhận điều kiện xếp loại “${grade}”.`,
  missingScores: (n: number) => `Còn ${n} tiêu chí chưa chấm điểm: chấm đủ mới có xếp loại và mới duyệt được.`,
  reasons: 'Lý do, nhận xét',
  reasonsHint: 'Ưu điểm, hạn chế, lý do xếp loại',
  save: 'Lưu dự thảo',
  saved: 'Đã lưu kết quả chấm',
  approveOne: 'Duyệt',
  lockedNote: (d: string) => `Đã được duyệt ngày ${d}: kết quả đã khóa.`,
  incomplete: 'Chưa chấm đủ các tiêu chí: chưa duyệt được.',
  scheme: 'Quy định áp dụng',
  empty: 'Chi bộ không có đảng viên đang sinh hoạt',
};
