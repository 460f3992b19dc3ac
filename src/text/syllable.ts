/**
 * The Vietnamese syllable: onset + rhyme (vowel cluster + optional final consonant) + at most one
 * tone mark. Used to validate words (legacy-encoding detection) and to put the tone mark on its one
 * canonical vowel.
 *
 * Canonical placement is the **old style** ("kiểu cũ"), the one of most official Party and State
 * documents and of the Unikey default: hoà, khoẻ, thuỷ, loà, xoè, tuỳ. In an open oa/oe/uy the mark
 * goes on the second vowel; everything else is the same in both styles (mùa, mía, ngoài, quý, già,
 * hoàng, thuyền, người). The new style (hòa, khỏe, thủy) is read and rewritten to the old one.
 */

export type ToneStyle = 'old' | 'new';

/** Combining tone marks: huyền, sắc, ngã, hỏi, nặng. */
export const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
const STOP_TONES = '\u0301\u0323';
const VOWELS = 'aăâeêioôơuưy';
const MARKED_VOWELS = 'ăâêôơư';
const ONSETS = ['ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'th', 'tr', 'ch', 'qu',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];
const STOP_CODAS = new Set(['c', 'ch', 'p', 't']);

/** Every rhyme of standard Vietnamese, without tone. */
const RHYMES = new Set(`a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt
  âc âm ân âng âp ât âu ây e ec em en eng eo ep et ê êch êm ên ênh êp êt êu
  i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu o oc oi om on ong op ot oong ooc
  ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
  u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
  ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
  y yêm yên yêng yêt yêu ych ynh yp yt yu
  oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
  uân uâng uât uây uê uêch uênh uy uya uych uyên uyêt uyn uynh uyp uyt uyu uơ`.split(/\s+/));

export interface Syllable {
  onset: string;
  /** The vowel cluster, lower case, without tone; "qu" and "gi" keep their u / i in the onset. */
  vowels: string;
  coda: string;
}

/** Parses a lower-case syllable without tone mark (NFC); null when it is not Vietnamese. */
export function parseSyllable(s: string): Syllable | null {
  let onset = '';
  for (const o of ONSETS) if (s.startsWith(o)) { onset = o; break; }
  if ((onset === 'gi' || onset === 'qu') && !(s.length > 2 && VOWELS.includes(s[2]))) {
    if (onset === 'qu') return null;
    onset = 'g';
  }
  let end = onset.length;
  while (end < s.length && VOWELS.includes(s[end])) end++;
  if (end === onset.length) return null;
  const vowels = s.slice(onset.length, end);
  const coda = s.slice(end);
  const rhyme = vowels + coda;
  if (!RHYMES.has(rhyme) && !(onset === 'gi' && RHYMES.has(`i${rhyme}`))) return null;
  return { onset, vowels, coda };
}

/** Index, within the vowel cluster, of the vowel that carries the tone mark. */
export function toneIndex(syl: Syllable, style: ToneStyle = 'old'): number {
  const v = syl.vowels;
  for (let i = v.length - 1; i >= 0; i--) if (MARKED_VOWELS.includes(v[i])) return i;
  if (syl.coda !== '') return v.length - 1;
  if (v.length >= 3) return 1;
  if (v.length === 2) return (v === 'oa' || v === 'oe' || v === 'uy') && style === 'old' ? 1 : 0;
  return 0;
}

interface Split {
  /** NFC letters without the tone mark, case kept. */
  base: string;
  tone: string;
}

/** Separates the single tone mark of a word; null when it has more than one. */
function splitTone(word: string): Split | null {
  const nfd = word.normalize('NFD');
  let tone = '';
  let base = '';
  for (const ch of nfd) {
    if (TONE_MARKS.includes(ch)) {
      if (tone) return null;
      tone = ch;
    } else base += ch;
  }
  return { base: base.normalize('NFC'), tone };
}

/**
 * True when `word` is one Vietnamese syllable, spelled correctly: valid onset and rhyme, at most one
 * tone mark sitting on the vowel where either style puts it, and stop finals (c, ch, p, t) only with
 * sắc or nặng.
 */
export function isVietnameseSyllable(word: string): boolean {
  const split = splitTone(word.toLowerCase());
  if (!split) return false;
  const syl = parseSyllable(split.base);
  if (!syl) return false;
  if (!split.tone) return true;
  if (STOP_CODAS.has(syl.coda) && !STOP_TONES.includes(split.tone)) return false;
  const nfd = word.toLowerCase().normalize('NFD');
  const toneAt = charIndexOfTone(nfd) - syl.onset.length;
  return toneAt === toneIndex(syl, 'old') || toneAt === toneIndex(syl, 'new');
}

/** Index (in letters) of the letter carrying the tone mark, in an NFD string. */
function charIndexOfTone(nfd: string): number {
  let letters = -1;
  for (const ch of nfd) {
    if (TONE_MARKS.includes(ch)) return letters;
    if (!/\p{M}/u.test(ch)) letters++;
  }
  return -1;
}

/**
 * Puts the tone mark of one word on its canonical vowel (case kept). Words that are not a single
 * Vietnamese syllable with one tone mark are returned unchanged.
 */
export function placeTone(word: string, style: ToneStyle = 'old'): string {
  const split = splitTone(word);
  if (!split || !split.tone) return word;
  const lower = split.base.toLowerCase();
  if (lower.length !== split.base.length) return word;
  const syl = parseSyllable(lower);
  if (!syl) return word;
  const at = syl.onset.length + toneIndex(syl, style);
  const chars = [...split.base];
  chars[at] = (chars[at] + split.tone).normalize('NFC');
  const placed = chars.join('');
  return placed === word ? word : placed;
}
