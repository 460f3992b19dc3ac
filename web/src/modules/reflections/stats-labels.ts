/** Vietnamese words of the reflection follow-up (theo dõi bài thu hoạch) page. */
export const S = {
  tab: 'Theo dõi thu hoạch',
  whole: 'Toàn đảng bộ',
  org: 'Tổ chức',
  expected: 'Phải nộp',
  submitted: 'Đã nộp',
  onTime: 'Đúng hạn',
  graded: 'Đã duyệt điểm',
  missing: 'Còn thiếu',
  grades: 'Xếp loại',
  reminded: 'Đã nhắc',
  notReminded: 'Chưa nhắc',
  remindedTimes: (n: number) => (n > 1 ? ` (${n} lần)` : ''),
  dueAt: (d: string) => `Hạn nộp: ${d}`,
  noDue: 'Chưa đặt hạn nộp: mọi bài đã nộp được tính là đúng hạn',
  writers: {
    studied: 'Diện phải viết: đảng viên đã học tập (dự hội nghị hoặc học bù)',
    covered: 'Diện phải viết: mọi đảng viên thuộc diện học tập',
  },
  branchList: 'Danh sách bài thu hoạch của chi bộ',
  remind: 'Nhắc nhở',
  remindSelected: (n: number) => `Nhắc nhở (${n})`,
  selectLagging: 'Chọn các tổ chức còn thiếu',
  modalTitle: (n: number) => `Nhắc nhở ${n} tổ chức về bài thu hoạch`,
  message: 'Nội dung nhắc nhở',
  defaultMessage: (due: string | null) =>
    `Đề nghị cấp ủy đôn đốc đảng viên hoàn thành và nộp bài thu hoạch${due ? ` trước ${due}` : ' đúng hạn'}; chi ủy khẩn trương chấm và duyệt kết quả.`,
  send: 'Gửi nhắc nhở',
  sent: (n: number) => `Đã gửi nhắc nhở tới ${n} tổ chức`,
  footnote: 'Còn thiếu = phải nộp − đã nộp, tính theo từng chi bộ (không âm) rồi cộng lại. Bài của đảng viên không thuộc diện phải viết vẫn được tính là đã nộp.',
  alertTitle: 'Cấp trên nhắc nhở về bài thu hoạch',
  alertLine: (from: string, to: string) => `${from} nhắc ${to}`,
  more: (n: number) => `và ${n} lời nhắc khác`,
} as const;

/** Colors of the grades, best first; more grades than colors reuse the last. */
export const GRADE_COLORS = ['#2e7d32', '#1565c0', '#f9a825', '#c62828', '#6d4c41', '#757575'];
