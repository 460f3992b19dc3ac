/** Vietnamese words of the copy checks (kiểm tra trùng lặp bài thu hoạch). */
import { formatPercent } from '../../shared/lib/format';

/** A score or share (0–1) as a whole percentage: "78%". */
const whole = (x: number) => formatPercent(x * 100, 0);

export const C = {
  tab: 'Bài trùng lặp',
  percent: whole,
  flagTitle: (n: number, top: number) => `Có đoạn trùng với ${n} bài khác (${whole(top)})`,
  noMatch: 'Không thấy đoạn trùng với bài thu hoạch khác',
  fromResolution: (x: number) => `${whole(x)} nội dung lấy từ Nghị quyết`,
  showPassages: 'Xem các đoạn trùng',
  hidePassages: 'Thu gọn',
  thisReflection: 'Bài này',
  theirs: (label: string) => `Bài của ${label}`,
  hiddenNote: 'Bài này thuộc đơn vị ngoài phạm vi của đồng chí nên không hiển thị nội dung.',
  noPassages: 'Không trích được đoạn giống nhau từ nội dung hiện tại (bài có thể vừa được sửa).',
  similar: (x: number) => `trùng ${whole(x)}`,
  resolutionTitle: 'Các đoạn lấy từ Nghị quyết',
  stale: 'Bài vừa được nộp lại: kết quả đối chiếu sẽ cập nhật sau ít phút.',
  pending: 'Đang đối chiếu lại các bài mới nộp…',
  notTyped: 'Bài nộp bằng ảnh chụp hoặc giấy: chỉ đối chiếu được phần nội dung đánh máy.',
  pageTitle: 'Bài thu hoạch có thể trùng lặp',
  scope: (org: string) => `Trong phạm vi: ${org}`,
  lastRun: (when: string, docs: string, pairs: string) => `Đối chiếu lần cuối lúc ${when}: ${docs} bài đánh máy, ${pairs} cặp nghi trùng.`,
  neverRun: 'Chưa đối chiếu lần nào: kết quả có sau khi đảng viên nộp bài đánh máy.',
  emptyList: 'Không có cặp bài nào nghi trùng lặp trong phạm vi này.',
  pairs: (n: string) => `${n} cặp bài`,
  viewPassages: 'Xem đoạn trùng',
  drawerTitle: 'Các đoạn trùng nhau',
  explain: 'Điểm trùng là phần lớn hơn giữa độ giống nhau của hai bài và tỷ lệ bài ngắn hơn có trong bài kia. Những câu trích từ Nghị quyết và các câu mở đầu, kết thúc theo mẫu không tính là trùng.',
  sourceShareShort: (x: number) => `${whole(x)} từ Nghị quyết`,
};

/** Red from 80 %, orange from 60 %, gold below. */
export const scoreColor = (score: number) => (score >= 0.8 ? '#b71c1c' : score >= 0.6 ? '#d46b08' : '#ad8b00');
export const scoreTag = (score: number) => (score >= 0.8 ? 'red' : score >= 0.6 ? 'orange' : 'gold');

/** "Chi bộ Đội 1 · Đảng bộ xã Cẩm Hải": branch names repeat from commune to commune. */
export const placeOf = (side: { branchName: string | null; unitName: string | null }) =>
  [side.branchName, side.unitName].filter(Boolean).join(' · ');
