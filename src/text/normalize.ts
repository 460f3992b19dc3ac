/**
 * One canonical form for Vietnamese text as people type it:
 *  1. Unicode NFC (NFD input, as macOS and some phones produce, becomes precomposed);
 *  2. text typed in TCVN3 (ABC) or VNI and pasted as Latin-1 garbage is detected and converted
 *     (encoding.ts); correct Unicode and plain English/ASCII are left as they are;
 *  3. Icelandic Ð/ð, often typed for Đ/đ, become Đ/đ;
 *  4. tone marks sit on one canonical vowel, the old style of official documents: hoà, khoẻ, thuỷ
 *     (syllable.ts); hòa, khỏe, thủy are rewritten;
 *  5. spacing: all spaces become one ASCII space, none before , . ; : ! ? …, one after , ; : ! ? when a
 *     letter follows (and after . ! ? … before a capital), no space inside brackets, lines trimmed,
 *     at most one empty line between paragraphs; zero-width characters and soft hyphens removed
 *     (a soft hyphen only after the TCVN3 repair, where it stands for ư).
 * normalizeText is idempotent and leaves text already in this form unchanged.
 */
import { detectEncoding, repairEncoding } from './encoding.js';
import { placeTone, TONE_MARKS, type ToneStyle } from './syllable.js';

export { detectEncoding, repairEncoding, scoreEncodings, type TextEncoding } from './encoding.js';
export { encodeTcvn3, encodeVni, decodeTcvn3, decodeVni } from './legacy.js';
export { isVietnameseSyllable, placeTone, type ToneStyle } from './syllable.js';

/** The house tone placement: old style (hoà, khoẻ, thuỷ). */
export const TONE_STYLE: ToneStyle = 'old';

const VOWEL_LETTERS = 'aăâeêioôơuưy';
const ALL_VOWELS = [...VOWEL_LETTERS].flatMap((v) => [v, ...[...TONE_MARKS].map((t) => (v + t).normalize('NFC'))]).join('');
const TWO_VOWELS = new RegExp(`[${ALL_VOWELS}][${ALL_VOWELS}]`, 'iu');
const WORD = /[\p{L}\p{M}]+/gu;

/** Puts every tone mark of the text on its canonical vowel (only words with two vowels can move). */
export function canonicalTones(text: string, style: ToneStyle = TONE_STYLE): string {
  return text.replace(WORD, (w) => (TWO_VOWELS.test(w) ? placeTone(w, style) : w));
}

/** Whitespace and punctuation spacing as described above. */
export function cleanSpacing(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/ +(?=[,.;:!?…])/g, '')
    .replace(/([,;:!?])(?=\p{L})/gu, '$1 ')
    .replace(/([.!?…])(?=\p{Lu})/gu, '$1 ')
    .replace(/([(\[“‘]) +/g, '$1')
    .replace(/ +(?=[)\]”’])/g, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

function normalizeOnce(text: string): string {
  const repaired = repairEncoding(text.replace(ZERO_WIDTH, '').normalize('NFC'));
  // The soft hyphen is a letter (ư) in TCVN3: it goes only once the text is Unicode.
  const letters = repaired.replace(/\u00ad/g, '').replace(/Ð/g, 'Đ').replace(/ð/g, 'đ').normalize('NFC');
  return cleanSpacing(canonicalTones(letters)).normalize('NFC');
}

/**
 * The canonical form of Vietnamese text (see the module comment). In the rare text where tidying
 * changes the verdict on the encoding (a stray "«" next to an "Ð"), the steps repeat until nothing
 * changes, so the result is always a fixed point.
 */
export function normalizeText(text: string): string {
  let result = normalizeOnce(text);
  for (let i = 0; i < 4 && detectEncoding(result) !== 'unicode'; i++) {
    const next = normalizeOnce(result);
    if (next === result) break;
    result = next;
  }
  return result;
}
