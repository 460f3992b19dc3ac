/**
 * Copy detection among reflections and against the Resolution.
 *
 * Every document is read as typed (TCVN3/VNI repaired, NFC or NFD, accents or none: all compare
 * equal after folding), cut into shingles of 5 syllables that never cross a sentence end (shuffled
 * sentences still match), without the shingles of the sources and of the boilerplate texts: two
 * essays that both quote the Resolution, or both open with "Kính gửi: Chi uỷ …", are not copies of
 * each other. A pair is flagged when
 *  - the two are near-duplicates: Jaccard ≥ 0.5 on the shingle sets (candidates by MinHash + LSH), or
 *  - one holds a substantial part of the other: ≥ 40 % of either one's shingles are in the other
 *    (candidates by winnowing fingerprints), which covers partial copies of a few sentences and
 *    copies with about 10–15 % of the words changed;
 * score = max(Jaccard, containment in either direction). Each document also gets its source share,
 * the part of its syllables found in the sources.
 *
 * See dedupe-index.ts for the streaming engine (compact typed arrays; 500,000 essays fit in memory).
 */
import { DedupeIndex, type DedupeOptions } from './dedupe-index.js';

export { DedupeIndex, type DedupeOptions, type DocFeatures, type IndexPair } from './dedupe-index.js';
export { countCandidates, type CountInput } from './dedupe-candidates.js';

export type DocId = string | number;

export interface DedupeDoc {
  id: DocId;
  text: string;
}

export interface DedupePair {
  a: DocId;
  b: DocId;
  score: number;
}

export interface DedupeResult {
  /** Flagged pairs, a before b in input order, sorted by a then b. */
  pairs: DedupePair[];
  /** One entry per document, in input order. */
  shares: { id: DocId; sourceShare: number }[];
}

/**
 * Formulas found in nearly every reflection; their 5-syllable shingles never count as copying.
 * ("…" stands for the part each writer fills in.)
 */
export const DEFAULT_BOILERPLATE: string[] = [
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'BẢN THU HOẠCH KẾT QUẢ HỌC TẬP, NGHIÊN CỨU, QUÁN TRIỆT NGHỊ QUYẾT ĐẠI HỘI ĐẢNG',
  'BÀI THU HOẠCH HỌC TẬP, QUÁN TRIỆT VÀ TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT',
  'Kính gửi: Chi uỷ Chi bộ … Tên tôi là … Sinh ngày … Chức vụ … Đơn vị công tác …',
  'Họ và tên: … Đơn vị công tác: … Nhiệm vụ được giao: … Sinh hoạt tại Chi bộ: …',
  'Qua học tập, nghiên cứu, quán triệt Nghị quyết, bản thân tôi xin thu hoạch một số nội dung như sau',
  'Sau khi được học tập, nghiên cứu, quán triệt Nghị quyết, tôi xin trình bày bài thu hoạch như sau',
  'Trên đây là bài thu hoạch của tôi về kết quả học tập, nghiên cứu, quán triệt Nghị quyết.',
  'Người viết thu hoạch (ký và ghi rõ họ tên). Xác nhận của Chi uỷ Chi bộ.',
  'Tôi xin chân thành cảm ơn!',
];

const round = (x: number) => Math.round(x * 10000) / 10000;

/** A streaming index with the default boilerplate: add(text) per document, then finish(). */
export function createDedupeIndex(sources: string[], options: DedupeOptions = {}): DedupeIndex {
  return new DedupeIndex(sources, { ...options, boilerplate: options.boilerplate ?? DEFAULT_BOILERPLATE });
}

/** Flags copied pairs among `docs` and measures each document's share taken from `sources`. */
export function dedupe(docs: DedupeDoc[], sources: string[], options: DedupeOptions = {}): DedupeResult {
  const index = createDedupeIndex(sources, options);
  for (const doc of docs) index.add(doc.text);
  const pairs = index.finish().map((p) => ({ a: docs[p.a].id, b: docs[p.b].id, score: round(p.score) }));
  const shares = docs.map((doc, i) => ({ id: doc.id, sourceShare: round(index.sourceShare(i)) }));
  return { pairs, shares };
}
