import type { Grade, GradeStatus, QueueRow, Rubric } from './grading-api';

/** Vietnamese words of the grading pages (chấm bài thu hoạch). */
export const G = {
  tab: 'Bài thu hoạch',
  branch: 'Chi bộ',
  pickBranch: 'Chọn chi bộ',
  noBranch: 'Đồng chí không chấm bài thu hoạch ở chi bộ nào của đợt học tập này',
  modeList: 'Danh sách',
  modeTable: 'Nhập bảng kết quả',
  exportXlsx: 'Xuất Excel',
  importXlsx: 'Nhập từ Excel',
  approveSelected: (n: number) => `Duyệt ${n} bài đã chọn`,
  approveAll: (n: number) => `Duyệt tất cả bài chờ duyệt (${n})`,
  approved: (n: number) => `Đã duyệt ${n} bài`,
  approveFailed: (n: number) => `${n} bài chưa duyệt được`,
  grade: 'Chấm',
  approveShort: 'Duyệt',
  toRubric: 'Đến phiếu chấm',
  view: 'Xem',
  marker: (m: number) => `Người chấm ${m}`,
  markerLong: (m: number) => (m === 2 ? 'Người chấm thứ hai' : 'Người chấm thứ nhất'),
  finalGrade: 'Xếp loại',
  status: 'Trạng thái',
  submission: 'Bài nộp',
  name: 'Họ và tên',
  anonymous: 'Chấm ẩn danh: người chấm chỉ thấy số biên nhận của bài',
  empty: 'Chưa có đảng viên nào trong danh sách',
  pages: (n: number) => `${n} trang ảnh`,
  pdf: 'PDF',
  text: 'Bản gõ',
  paper: 'Bản giấy',
  missing: 'Chưa nộp',
  back: 'Về danh sách chấm',
  prev: 'Bài trước',
  next: 'Bài sau',
  position: (p: number, t: number) => `Bài ${p}/${t}`,
  version: (n: number) => `Lần nộp ${n}`,
  currentVersion: 'bản đang dùng',
  openPdf: 'Mở tệp PDF trong cửa sổ mới',
  paperOnly: 'Bài nộp bản giấy tại chi bộ, không có bản quét: chấm theo bản giấy.',
  noContent: 'Lần nộp này không có nội dung để xem',
  recommendations: 'Kiến nghị, đề xuất',
  page: (n: number) => `Trang ${n}`,
  rubric: 'Phiếu chấm',
  criterionComment: 'Nhận xét tiêu chí (không bắt buộc)',
  comment: 'Nhận xét chung',
  suggested: (label: string | null, avg: string | null) => (label ? `Gợi ý theo các tiêu chí: ${label}${avg ? ` (điểm bình quân ${avg})` : ''}` : 'Chọn mức cho đủ các tiêu chí để có gợi ý xếp loại'),
  useSuggestion: 'Theo gợi ý',
  saveDraft: 'Lưu nháp',
  saveNext: 'Lưu và sang bài sau',
  /** The approver (the branch secretary) sends the grading on to her own approval step. */
  submit: (approver: boolean) => (approver ? 'Gửi duyệt' : 'Gửi Bí thư chi bộ duyệt'),
  saved: 'Đã lưu phiếu chấm',
  submitted: (approver: boolean) => (approver ? 'Đã gửi phiếu chấm, chờ duyệt' : 'Đã gửi phiếu chấm'),
  approve: 'Duyệt kết quả',
  approvedOne: 'Đã duyệt kết quả chấm',
  correction: 'Lập phiếu đính chính',
  correctionReason: 'Lý do đính chính',
  correctionHint: 'Kết quả đã duyệt vẫn giữ nguyên cho đến khi phiếu đính chính được duyệt.',
  correctionCreated: 'Đã lập phiếu đính chính',
  lockedSubmitted: (approver: boolean) => (approver ? 'Phiếu chấm đã gửi duyệt, không sửa được nữa.' : 'Phiếu chấm đã gửi Bí thư chi bộ duyệt, không sửa được nữa.'),
  lockedApproved: 'Kết quả chấm đã được duyệt và khóa.',
  waiting: (m: string) => `Đang chờ: ${m}`,
  sealedTag: 'Đang ẩn',
  sealedHint: (m: number) => `${m === 2 ? 'Người chấm thứ hai' : 'Người chấm thứ nhất'} là đồng chí khác. Chấm độc lập: mức đánh giá, nhận xét và xếp loại của hai người chấm được ẩn với nhau cho đến khi cả hai đã gửi phiếu chấm.`,
  blindNote: 'Chấm độc lập: mỗi người chấm không thấy kết quả của người kia cho đến khi cả hai đã gửi phiếu; Bí thư chi bộ thấy cả hai phiếu khi duyệt.',
  compare: 'Đối chiếu hai phiếu chấm',
  criterion: 'Tiêu chí',
  history: 'Các lần chấm',
  revision: (n: number) => `Lần chấm ${n}`,
  by: 'Người chấm',
  keys: 'Phím tắt: 1–4 chọn mức cho tiêu chí đang chọn (rồi sang tiêu chí sau; bấm vào một tiêu chí để chọn nó) · Enter lưu và sang bài sau',
  bulkHint: 'Nhập kết quả đã thống nhất trên giấy: chọn xếp loại (và mức từng tiêu chí nếu có). Đảng viên chưa có bài sẽ được ghi nhận nộp bản giấy. Khi ghi, các phiếu được gửi duyệt luôn; bảng có lỗi thì không dòng nào được ghi.',
  bulkSave: 'Ghi và gửi duyệt',
  bulkSaved: (n: number, paper: number) => `Đã ghi ${n} kết quả${paper ? `, ghi nhận ${paper} bài nộp bản giấy` : ''}`,
  bulkNothing: 'Chưa nhập kết quả nào',
  locked: 'Đã khóa',
  importTitle: 'Nhập kết quả chấm từ Excel',
  importHint: 'Dùng tệp đã xuất từ trang này, điền cột các tiêu chí, Xếp loại và Nhận xét. Xem trước để kiểm tra lỗi, rồi ghi tất cả.',
  chooseFile: 'Chọn tệp Excel (.xlsx)',
  preview: 'Xem trước',
  commit: 'Ghi kết quả',
  importErrors: (n: number) => `Tệp có ${n} lỗi, chưa ghi được. Sửa trong tệp rồi tải lên lại.`,
  importReady: (save: number, same: number, skip: number) => `Sẽ ghi ${save} kết quả; ${same} dòng không đổi; ${skip} dòng chưa có kết quả`,
  importDone: (n: number) => `Đã ghi ${n} kết quả từ tệp Excel`,
  row: 'Dòng', column: 'Cột', error: 'Lỗi',
  filterAll: 'Tất cả',
  filterBy: 'Lọc theo trạng thái',
} as const;

export const GRADE_STATUS: Record<GradeStatus, { label: string; color: string }> = {
  ungraded: { label: 'Chưa chấm', color: 'default' },
  draft: { label: 'Đang chấm', color: 'processing' },
  submitted: { label: 'Chờ duyệt', color: 'warning' },
  approved: { label: 'Đã duyệt', color: 'success' },
};

export const gradeLabel = (rubric: Rubric, key: string | null | undefined) => (key ? rubric.grades.find((g) => g.key === key)?.label ?? key : null);
export const levelLabel = (rubric: Rubric, key: string | null | undefined) => (key ? rubric.levels.find((l) => l.key === key)?.label ?? key : null);

/** A colour per grade, best green, worst red. */
export function gradeColor(rubric: Rubric, key: string | null | undefined): string {
  const i = rubric.grades.findIndex((g) => g.key === key);
  if (i < 0) return 'default';
  const last = rubric.grades.length - 1;
  return i === 0 ? 'green' : i === last ? 'red' : i === 1 ? 'blue' : 'gold';
}

/** The status words of one marker's grading. */
export function markerState(g: Grade | undefined): { label: string; color: string } {
  if (!g) return GRADE_STATUS.ungraded;
  if (g.sealed) return { label: `${GRADE_STATUS[g.status === 'superseded' ? 'approved' : g.status].label} (${G.sealedTag.toLowerCase()})`, color: 'default' };
  if (g.correctionReason && g.status !== 'approved') return { label: g.status === 'submitted' ? 'Đính chính chờ duyệt' : 'Đang đính chính', color: 'purple' };
  return GRADE_STATUS[g.status === 'superseded' ? 'approved' : g.status];
}

export const liveGrade = (grades: Grade[], marker: number) => grades.find((g) => g.marker === marker && g.status !== 'superseded');

/** The row's status as the list shows it. */
export function rowState(r: QueueRow): { label: string; color: string } {
  if (r.status === 'missing') return { label: G.missing, color: 'default' };
  if (r.readyToApprove) return GRADE_STATUS.submitted;
  return GRADE_STATUS[r.gradeStatus];
}
