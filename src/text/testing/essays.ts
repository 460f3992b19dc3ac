/**
 * Generated test sets: reflection-like essays on one topic (studying a provincial Congress
 * Resolution), their re-typings as people really produce them, and a corpus with planted copies and
 * its ground truth. Deterministic for a seed. Used by the tests and the benchmark, not by the app.
 */
import { foldAccents } from '../fold.js';
import { createRandom32 } from '../hash.js';
import { encodeTcvn3, encodeVni } from '../legacy.js';
import * as bank from './essay-bank.js';
import { RECOMMENDATION_ENDINGS, RECOMMENDATION_FRAMES, RECOMMENDATION_TARGETS, RECOMMENDATION_TOPICS } from './recommendation-bank.js';

export class Rng {
  private readonly next32: () => number;
  constructor(seed: number) { this.next32 = createRandom32(seed); }
  next(): number { return this.next32() / 2 ** 32; }
  int(n: number): number { return Math.floor(this.next() * n); }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]; }
  chance(p: number): boolean { return this.next() < p; }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) { const j = this.int(i + 1); [xs[i], xs[j]] = [xs[j], xs[i]]; }
    return xs;
  }
  sample<T>(xs: readonly T[], n: number): T[] { return this.shuffle([...xs]).slice(0, n); }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const fill = (s: string, rng: Rng) => s.replace('{n}', String(2 + rng.int(40))).replace('{p}', String(60 + rng.int(40)));

/** The generated Resolution: the source text essays quote from. */
export const RESOLUTION_TEXT = [bank.RESOLUTION_TITLE, ...bank.RESOLUTION_SENTENCES.map((s) => `${s}.`)].join('\n');

export interface Recommendation { topic: number; sentence: string }

/** One recommendation sentence on `topic` (0..11) in a random wording. */
export function recommendationSentence(rng: Rng, topic: number): string {
  const target = rng.pick(RECOMMENDATION_TARGETS);
  const frame = rng.pick(RECOMMENDATION_FRAMES);
  const core = rng.pick(RECOMMENDATION_TOPICS[topic]) + rng.pick(RECOMMENDATION_ENDINGS);
  return frame.replace('{t}', target).replace('{T}', capitalize(target)).replace('{c}', core);
}

/** Draws from a pool without repeating within one essay (until the pool runs out). */
class Deck<T> {
  private left: T[] = [];
  constructor(private readonly pool: readonly T[], private readonly rng: Rng) {}
  draw(): T {
    if (this.left.length === 0) this.left = this.rng.shuffle([...this.pool]);
    return this.left.pop() as T;
  }
}

const ADVERBS = ['thực sự', 'ngày càng', 'vẫn', 'luôn', 'đã và đang', 'rõ ràng', 'chắc chắn', 'phần nào', 'cũng', 'hơn bao giờ hết', 'trước hết', 'về cơ bản'];
const QUALIFIERS = ['ở {place}', 'tại {place}', 'của ngành mình', 'trong khối cơ quan', 'ở vùng đồng bào dân tộc', 'ở các xã khó khăn',
  'đối với cán bộ trẻ', 'trong doanh nghiệp', 'ở khu vực biên giới', 'của {place}', 'trong trường học', 'ở địa bàn dân cư'];

/** Writers vary the stock phrases: an adverb here, a place or a sector there. */
function vary(rng: Rng, place: string) {
  return {
    adverb: (phrase: string) => (rng.chance(0.4) ? `${rng.pick(ADVERBS)} ${phrase}` : phrase),
    qualify: (phrase: string) => (rng.chance(0.35) ? `${phrase} ${rng.pick(QUALIFIERS).replace('{place}', place)}` : phrase),
  };
}

function contentSentences(rng: Rng, n: number, place: string): string[] {
  const [openers, topics, predicates, endings] = [bank.CONTENT_OPENERS, bank.TOPICS, bank.CONTENT_PREDICATES, bank.CONTENT_ENDINGS].map((p) => new Deck(p, rng));
  const { adverb, qualify } = vary(rng, place);
  return Array.from({ length: n }, () => {
    const topic = qualify(topics.draw());
    switch (rng.int(3)) {
      case 0: return `${openers.draw()} ${topic} ${adverb(predicates.draw())} ${endings.draw()}.`;
      case 1: return `${capitalize(topic)} ${adverb(predicates.draw())}, ${endings.draw()}.`;
      default: return `${openers.draw()} ${topic} và ${qualify(topics.draw())} ${adverb(predicates.draw())}.`;
    }
  });
}

function practiceSentences(rng: Rng, n: number, place: string): string[] {
  const [openers, done, weak] = [bank.PRACTICE_OPENERS, bank.ACHIEVEMENTS, bank.WEAKNESSES].map((p) => new Deck(p, rng));
  const { adverb } = vary(rng, place);
  return Array.from({ length: n }, () => {
    const first = `${openers.draw()} ${adverb(fill(done.draw(), rng))}`;
    switch (rng.int(3)) {
      case 0: return `${first}, tuy nhiên ${weak.draw()}.`;
      case 1: return `${first}; ${fill(done.draw(), rng)}.`;
      default: return `${first}.`;
    }
  });
}

export interface Essay {
  text: string;
  /** Body sentences in order (the parts a copier takes). */
  sentences: string[];
  /** How many of the first sentences are the essay's own substance (parts I and II). */
  substantive: number;
  recommendations: Recommendation[];
}

/** A reflection of about 600 syllables: header, parts I–IV, closing. */
export function generateEssay(seed: number): Essay {
  const rng = new Rng(seed);
  const name = `${rng.pick(bank.FAMILY_NAMES)} ${rng.pick(bank.MIDDLE_NAMES)} ${rng.pick(bank.FIRST_NAMES)}`;
  const place = rng.pick(bank.PLACES);
  const unit = `${rng.pick(bank.UNITS)} ${place}`;
  const content = contentSentences(rng, 9 + rng.int(4), place);
  for (const quote of rng.sample(bank.RESOLUTION_SENTENCES, 1 + rng.int(2))) {
    content.splice(rng.int(content.length + 1), 0, `${rng.pick(bank.QUOTE_LEADS)} “${quote}”.`);
  }
  const practice = practiceSentences(rng, 7 + rng.int(4), place);
  const actions = new Deck(bank.SELF_ACTIONS, rng);
  const self = Array.from({ length: 3 + rng.int(3) }, () => `${rng.pick(bank.SELF_SUBJECTS)} ${fill(actions.draw(), rng)}${rng.pick(bank.SELF_ENDINGS)}.`);
  const recommendations = rng.sample([...RECOMMENDATION_TOPICS.keys()], 2 + rng.int(3))
    .map((topic) => ({ topic, sentence: recommendationSentence(rng, topic) }));
  const text = [
    `ĐẢNG BỘ ${place.toUpperCase()}`, `CHI BỘ ${unit.toUpperCase()}`,
    'BẢN THU HOẠCH KẾT QUẢ HỌC TẬP, NGHIÊN CỨU, QUÁN TRIỆT NGHỊ QUYẾT ĐẠI HỘI ĐẢNG',
    `Kính gửi: Chi uỷ Chi bộ ${unit}.`,
    `Tên tôi là ${name}. Sinh ngày ${1 + rng.int(28)}/${1 + rng.int(12)}/${1960 + rng.int(40)}. Đơn vị công tác: ${unit}.`,
    'Qua học tập, nghiên cứu, quán triệt Nghị quyết, bản thân tôi xin thu hoạch một số nội dung như sau:',
    'I. Những nội dung cơ bản, điểm mới của Nghị quyết', content.join(' '),
    'II. Liên hệ thực tiễn ở địa phương, đơn vị', practice.join(' '),
    'III. Liên hệ bản thân', self.join(' '),
    'IV. Đề xuất, kiến nghị', ...recommendations.map((r) => `- ${r.sentence}`),
    'Trên đây là bài thu hoạch của tôi về kết quả học tập, nghiên cứu, quán triệt Nghị quyết.',
    'Người viết thu hoạch', name,
  ].join('\n');
  return { text, sentences: [...content, ...practice, ...self, ...recommendations.map((r) => r.sentence)], substantive: content.length + practice.length, recommendations };
}

export type Retyping = 'accentless' | 'nfd' | 'tcvn3' | 'vni' | 'changed' | 'shuffled' | 'partial';
export const RETYPINGS: Retyping[] = ['accentless', 'nfd', 'tcvn3', 'vni', 'changed', 'shuffled', 'partial'];

const FILLER_WORDS = ['việc', 'những', 'rất', 'đã', 'cũng', 'thêm', 'mới', 'luôn', 'thật', 'đều', 'vẫn', 'còn', 'hơn', 'nhiều', 'chung', 'riêng', 'từng', 'chính'];

/** Replaces about `rate` of the words (a random filler, or the word dropped, or one inserted). */
export function changeWords(text: string, rng: Rng, rate = 0.1): string {
  return text.split(' ').map((word) => {
    if (!/\p{L}/u.test(word) || !rng.chance(rate)) return word;
    const tail = word.match(/[^\p{L}]*$/u)?.[0] ?? '';
    const choice = rng.int(3);
    if (choice === 0) return rng.pick(FILLER_WORDS) + tail;
    if (choice === 1) return tail ? word : '';
    return `${word} ${rng.pick(FILLER_WORDS)}`;
  }).filter((w) => w !== '').join(' ');
}

/** How one writer re-types or re-uses `essay` (see Retyping); `other` supplies own sentences. */
export function retype(essay: Essay, kind: Retyping, rng: Rng, other?: Essay): string {
  switch (kind) {
    case 'accentless': return foldAccents(essay.text);
    case 'nfd': return essay.text.normalize('NFD');
    case 'tcvn3': return encodeTcvn3(essay.text);
    case 'vni': return encodeVni(essay.text);
    case 'changed': return changeWords(essay.text, rng, 0.1);
    case 'shuffled': return rng.shuffle([...essay.sentences]).join(rng.chance(0.5) ? ' ' : '\n');
    case 'partial': {
      const n = 3 + rng.int(3);
      const from = rng.int(Math.max(1, essay.substantive - n));
      const own = (other ?? generateEssay(rng.int(2 ** 31))).sentences.slice(0, 1 + rng.int(2));
      return [...own, ...essay.sentences.slice(from, from + n)].join(' ');
    }
  }
}
