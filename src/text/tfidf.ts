/**
 * TF-IDF over accent-folded syllable unigrams and bigrams for short texts (recommendations): function
 * words, cue words ("đề nghị", "cần") and addressees ("Uỷ ban nhân dân tỉnh") left out, since they
 * say nothing of what is asked. Sparse vectors, L2-normalized.
 */
import { normalizeText } from './normalize.js';
import { syllablesOfNormalized } from './tokenize.js';

export interface SparseVector { cols: Int32Array; vals: Float64Array }

/**
 * Function words, the cue words, and the stock phrases of any request (thời gian tới, khó khăn, …),
 * with their accents: folded, "cần" would take "cán" (cán bộ) and "có" would take "cơ" (cơ sở) along.
 */
const STOPWORDS = new Set(`đề nghị kiến xuất cần phải nên mong muốn rất kính tôi chúng ta mình các của và với cho là có được
  trong những một này đó thì mà ở tại từ đến theo về như hơn nữa thêm cũng sẽ đã đang việc khi nếu vì nhằm trên
  hay hoặc rằng ấy nào gì lại còn bị bởi qua sau trước ra vào lên xuống đây nhiều ít mới tất cả
  thời gian tới hiện nay khó khăn yêu cầu nhiệm đáp ứng ngay ngày năm quan tâm tiếp tục kịp`.split(/\s+/));

/** For text typed without accents: only the folded stopwords that are no content word too. */
const FOLDED_STOPWORDS = new Set(`kien xuat phai rat kinh toi chung ta minh cac cua va voi cho la duoc trong nhung nay thi tai tu den
  theo ve nhu hon nua them cung se da dang viec khi neu vi nham tren hay hoac rang nao gi bi boi qua truoc xuong day
  nhieu it tat ca thoi gian hien kho khan yeu cau nhiem dap ung quan tam tiep tuc kip`.split(/\s+/));
const FOLDED_CUE_PHRASES = ['de nghi', 'kien nghi', 'de xuat', 'mong muon', 'can phai', 'rat mong'].map((p) => p.split(' '));

/**
 * Whom a request is addressed to says nothing of what it asks ("Đề nghị Uỷ ban nhân dân tỉnh …"):
 * these phrases are dropped before the stopwords.
 */
const ADDRESSEES = `uy ban nhan dan tinh|uy ban nhan dan huyen|uy ban nhan dan xa|uy ban nhan dan|ubnd tinh|ubnd huyen|ubnd xa|ubnd
  |ban thuong vu tinh uy|ban thuong vu huyen uy|ban thuong vu dang uy|ban thuong vu|ban chap hanh|thuong truc tinh uy
  |tinh uy|huyen uy|thanh uy|dang uy xa|dang uy phuong|dang uy|cap uy|cac cap uy|cap tren|cac cap|chinh quyen dia phuong
  |chinh quyen cac cap|chinh quyen|cac nganh chuc nang|nganh chuc nang|cac ban nganh|trung uong|nha nuoc`
  .split('|').map((p) => p.trim().split(' ')).sort((a, b) => b.length - a.length);

/** Marks (as '') the tokens of every phrase found in `folded`. */
function dropPhrases(folded: string[], phrases: string[][]): string[] {
  const out = [...folded];
  for (let i = 0; i < out.length;) {
    const phrase = phrases.find((p) => p.every((t, k) => folded[i + k] === t));
    if (phrase) { out.fill('', i, i + phrase.length); i += phrase.length; } else i++;
  }
  return out;
}

const MARKED = /[^a-z0-9]/;

/** Unigram and bigram features of a text (folded, without addressees and stopwords). */
export function features(text: string, isNormalized = false): string[] {
  const normalized = isNormalized ? text : normalizeText(text);
  const accented = syllablesOfNormalized(normalized);
  const folded = syllablesOfNormalized(normalized, { fold: true });
  const hasAccents = accented.some((t) => MARKED.test(t));
  const kept = dropPhrases(hasAccents ? folded : dropPhrases(folded, FOLDED_CUE_PHRASES), ADDRESSEES);
  const tokens = kept.filter((t, i) => t !== '' && !/^\d+$/.test(t) && !(hasAccents ? STOPWORDS.has(accented[i]) : FOLDED_STOPWORDS.has(t)));
  const out = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

/** L2-normalized TF-IDF vectors: idf = ln((1 + N) / df), tf weight = 1 + ln tf, bigrams × bigramWeight. */
export function tfidf(texts: string[], bigramWeight = 0.5, textsNormalized = false): SparseVector[] {
  const vocab = new Map<string, number>();
  const df: number[] = [];
  const isBigram: boolean[] = [];
  const counts = texts.map((t) => {
    const c = new Map<number, number>();
    for (const f of features(t, textsNormalized)) {
      let col = vocab.get(f);
      if (col === undefined) { col = vocab.size; vocab.set(f, col); df.push(0); isBigram.push(f.includes(' ')); }
      c.set(col, (c.get(col) ?? 0) + 1);
    }
    for (const col of c.keys()) df[col]++;
    return c;
  });
  return counts.map((c) => {
    const cols = Int32Array.from([...c.keys()].sort((a, b) => a - b));
      const vals = Float64Array.from(cols, (col) => (1 + Math.log(c.get(col)!)) * Math.log((1 + texts.length) / df[col]) * (isBigram[col] ? bigramWeight : 1));
    return unitVector(cols, vals);
  });
}

export function unitVector(cols: Int32Array, vals: Float64Array): SparseVector {
  let sq = 0;
  for (const v of vals) sq += v * v;
  const norm = Math.sqrt(sq) || 1;
  for (let i = 0; i < vals.length; i++) vals[i] /= norm;
  return { cols, vals };
}

export function cosine(a: SparseVector, b: SparseVector): number {
  let dot = 0;
  for (let i = 0, j = 0; i < a.cols.length && j < b.cols.length;) {
    if (a.cols[i] === b.cols[j]) dot += a.vals[i++] * b.vals[j++];
    else if (a.cols[i] < b.cols[j]) i++; else j++;
  }
  return dot;
}

/** Weighted mean direction of `members` (weights default to 1), L2-normalized. */
export function centroid(members: number[], vectors: SparseVector[], weights?: ArrayLike<number>): SparseVector {
  const sum = new Map<number, number>();
  for (const m of members) vectors[m].cols.forEach((col, k) => sum.set(col, (sum.get(col) ?? 0) + vectors[m].vals[k] * (weights ? weights[m] : 1)));
  const cols = Int32Array.from([...sum.keys()].sort((a, b) => a - b));
  return unitVector(cols, Float64Array.from(cols, (c) => sum.get(c)!));
}

