/**
 * Which encoding was a text typed in? Text pasted from a TCVN3 or VNI document is Latin-1 garbage;
 * it is repaired only when it really looks like one of them:
 *  1. it holds characters that correct Vietnamese never uses but the encoding does (¶ § µ ® ­ for
 *     TCVN3; ø û ï ä ñ ö for VNI) — texts without any are Unicode, which is also the fast path;
 *  2. among its words with non-ASCII characters, a real share carries such characters, most of them
 *     decode to valid Vietnamese syllables, and clearly more than read as valid Unicode Vietnamese.
 * Plain English or ASCII has no non-ASCII words and stays Unicode; so does a German or Spanish word
 * here and there, since decoding it yields no Vietnamese syllable.
 */
import { decodeTcvn3, decodeVni, legacyCharsets, mapTcvn3 } from './legacy.js';
import { isVietnameseSyllable } from './syllable.js';

export type TextEncoding = 'unicode' | 'tcvn3' | 'vni';

function charClass(chars: string): string {
  return `[${[...new Set(chars)].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;
}

const { TCVN3_CODES, TCVN3_TELLTALE, VNI_CHARS, VNI_TELLTALE } = legacyCharsets;
const ANY_TELLTALE = new RegExp(charClass(TCVN3_TELLTALE + VNI_TELLTALE));
const TCVN3_TELL = new RegExp(charClass(TCVN3_TELLTALE));
const VNI_TELL = new RegExp(charClass(VNI_TELLTALE));
const TCVN3_ANY = new RegExp(charClass(TCVN3_CODES));
const VNI_ANY = new RegExp(charClass(VNI_CHARS));
const WORD = /[\p{L}\p{M}¡-¾×÷]+/gu;
const ASCII = /^[\x00-\x7f]*$/;
const MAX_WORDS = 400;
const MIN_TELLTALE_SHARE = 0.05;
const MIN_VALID_SHARE = 0.6;
const MIN_GAIN = 0.2;

export interface EncodingScores {
  /** Words with non-ASCII characters that were scored. */
  words: number;
  unicode: number;
  tcvn3: number;
  vni: number;
  tcvn3Telltale: number;
  vniTelltale: number;
}

/** Shares of non-ASCII words valid as Unicode / after TCVN3 / after VNI decoding, and telltale shares. */
export function scoreEncodings(text: string): EncodingScores {
  let n = 0, u = 0, t = 0, v = 0, ct = 0, cv = 0;
  for (const [w] of text.normalize('NFC').matchAll(WORD)) {
    if (ASCII.test(w)) continue;
    n++;
    const asUnicode = isVietnameseSyllable(w);
    if (asUnicode) u++;
    if (TCVN3_ANY.test(w) ? isVietnameseSyllable(mapTcvn3(w)) : asUnicode) t++;
    if (VNI_ANY.test(w) ? isVietnameseSyllable(decodeVni(w)) : asUnicode) v++;
    if (TCVN3_TELL.test(w)) ct++;
    if (VNI_TELL.test(w)) cv++;
    if (n >= MAX_WORDS) break;
  }
  const share = (x: number) => (n === 0 ? 0 : x / n);
  return { words: n, unicode: share(u), tcvn3: share(t), vni: share(v), tcvn3Telltale: share(ct), vniTelltale: share(cv) };
}

/** 'tcvn3' or 'vni' when the text looks typed in that legacy encoding, otherwise 'unicode'. */
export function detectEncoding(text: string): TextEncoding {
  if (!ANY_TELLTALE.test(text)) return 'unicode';
  const s = scoreEncodings(text);
  if (s.words === 0) return 'unicode';
  const tcvn3 = s.tcvn3Telltale >= MIN_TELLTALE_SHARE && s.tcvn3 >= MIN_VALID_SHARE && s.tcvn3 - s.unicode >= MIN_GAIN;
  const vni = s.vniTelltale >= MIN_TELLTALE_SHARE && s.vni >= MIN_VALID_SHARE && s.vni - s.unicode >= MIN_GAIN;
  if (tcvn3 && vni) return s.tcvn3 >= s.vni ? 'tcvn3' : 'vni';
  return tcvn3 ? 'tcvn3' : vni ? 'vni' : 'unicode';
}

/**
 * Converts legacy-encoded text to Unicode NFC; any other text is returned as it is. A conversion is
 * kept only if its result reads as Unicode itself, so repairing twice changes nothing.
 */
export function repairEncoding(text: string): string {
  const encoding = detectEncoding(text);
  if (encoding === 'unicode') return text;
  const repaired = encoding === 'tcvn3' ? decodeTcvn3(text) : decodeVni(text);
  return detectEncoding(repaired) === 'unicode' ? repaired : text;
}
