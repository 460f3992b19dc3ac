/**
 * Syllables and sentences. Vietnamese writes one syllable per space-separated token, so syllables are
 * the unit of matching; letters are folded through a 64K table (no regex, no per-token strings), and
 * the hashing scanner turns a 600-word essay into a Uint32Array of syllable hashes in a few µs.
 *
 * Sentence ends: . ! ? … followed by a space, the end, or a closing quote/bracket then a space; every
 * ; and every line break. Not after a title or place abbreviation (TP., TS., ThS., PGS., Q., P., …)
 * or a single-letter initial when a capital follows ("TP. Hồ Chí Minh", "Nguyễn V. An"). Numbers
 * keep their separators inside ("1.000", "3,5" are one token: "1000", "35").
 */
import { foldAccents } from './fold.js';
import { fmix32, fnvStart, fnvStep, hashString32 } from './hash.js';
import { normalizeText } from './normalize.js';

const SEPARATOR = 0;
const MARK = 1;
let foldTable: Uint16Array | null = null;
let lowerTable: Uint16Array | null = null;

/** code unit → folded lower-case code unit (letters, digits), MARK (combining, zero-width), or SEPARATOR. */
function tables(): [Uint16Array, Uint16Array] {
  if (foldTable && lowerTable) return [foldTable, lowerTable];
  const fold = new Uint16Array(65536);
  const lower = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const s = String.fromCharCode(c);
    if (c >= 0xd800 && c <= 0xdfff) { fold[c] = lower[c] = c; continue; }
    if (/[\p{M}\u00ad\u200b-\u200d\u2060\ufeff]/u.test(s)) { fold[c] = lower[c] = MARK; continue; }
    if (!/[\p{L}\p{N}]/u.test(s)) continue;
    const l = s.toLowerCase();
    const f = foldAccents(s).toLowerCase();
    lower[c] = l.length === 1 ? l.charCodeAt(0) : c;
    fold[c] = f.length === 1 ? f.charCodeAt(0) : lower[c];
  }
  foldTable = fold;
  lowerTable = lower;
  return [fold, lower];
}

const ABBREVIATIONS = new Set(['tp', 'tx', 'tt', 'ts', 'ths', 'pgs', 'gs', 'bs', 'ks']);
const OPENERS = '"“‘([-–—•*+';
const CLOSERS = '.!?…"”’)]»';

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;
}
function isTerminator(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026; // . ! ? …
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True when the terminator at i ends a sentence (see the module comment). */
function endsSentence(text: string, i: number, tokenStart: number, tokenEnd: number, fold: Uint16Array): boolean {
  let j = i + 1;
  while (j < text.length && CLOSERS.includes(text[j])) j++;
  if (j < text.length && !isSpace(text.charCodeAt(j))) return false;
  if (text[i] !== '.' || tokenEnd !== i || tokenEnd - tokenStart > 3) return true;
  let word = '';
  for (let k = tokenStart; k < tokenEnd; k++) word += String.fromCharCode(fold[text.charCodeAt(k)]);
  if (!ABBREVIATIONS.has(word) && word.length !== 1) return true;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  const next = text[j] ?? '';
  return next === next.toLowerCase();
}

type TokenSink = (start: number, end: number, sentenceStart: boolean) => void;

/** Finds the syllable tokens of `text` and whether each one opens a sentence. */
function scan(text: string, sink: TokenSink): void {
  const [fold] = tables();
  const n = text.length;
  let start = -1;
  let lastStart = -1;
  let lastEnd = -1;
  let pendingBreak = true;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    const f = fold[c];
    if (f > MARK) { if (start < 0) start = i; continue; }
    if (f === MARK) continue;
    if ((c === 46 || c === 44) && start >= 0 && i + 1 < n && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) continue;
    if (start >= 0) {
      sink(start, i, pendingBreak);
      pendingBreak = false;
      lastStart = start;
      lastEnd = i;
      start = -1;
    }
    if (c === 10 || c === 59 || (isTerminator(c) && endsSentence(text, i, lastStart, lastEnd, fold))) pendingBreak = true;
  }
}

export interface SyllableStream {
  /** Hash of each folded syllable (hashString32 of its folded lower-case text). */
  hashes: Uint32Array;
  /** 1 where a syllable opens a sentence. */
  breaks: Uint8Array;
  count: number;
}

/**
 * Folded syllable hashes of a text, in order, with sentence starts. Expects text already repaired
 * from legacy encodings (repairEncoding); NFC or NFD, accents or none give the same hashes.
 */
export function syllableStream(text: string): SyllableStream {
  const [fold] = tables();
  let hashes = new Uint32Array(64);
  let breaks = new Uint8Array(64);
  let count = 0;
  scan(text, (start, end, sentenceStart) => {
    if (count === hashes.length) {
      const h = new Uint32Array(count * 2); h.set(hashes); hashes = h;
      const b = new Uint8Array(count * 2); b.set(breaks); breaks = b;
    }
    let h = fnvStart;
    for (let i = start; i < end; i++) {
      const f = fold[text.charCodeAt(i)];
      if (f > MARK) h = fnvStep(h, f);
    }
    hashes[count] = fmix32(h);
    breaks[count++] = sentenceStart ? 1 : 0;
  });
  return { hashes: hashes.subarray(0, count), breaks: breaks.subarray(0, count), count };
}

export interface SyllableOptions {
  /** Accent-folded keys ("viet" for "Việt"); default false. */
  fold?: boolean;
}

/** Lower-case syllables of the normalized text, punctuation dropped ("Đảng, Nhà nước" → đảng nhà nước). */
export function syllables(text: string, options: SyllableOptions = {}): string[] {
  return syllablesOfNormalized(normalizeText(text), options);
}

/** syllables() of a text already normalized (normalizeText), without normalizing it again. */
export function syllablesOfNormalized(normalized: string, options: SyllableOptions = {}): string[] {
  const [fold, lower] = tables();
  const table = options.fold ? fold : lower;
  const out: string[] = [];
  scan(normalized, (start, end) => {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = normalized.charCodeAt(i);
      const f = table[c];
      if (f > MARK) s += String.fromCharCode(f);
      else if (f === MARK && !options.fold) s += normalized[i];
    }
    out.push(options.fold ? s : s.normalize('NFC'));
  });
  return out;
}

/**
 * Lower-case, accent-folded copy of a normalized (NFC) text, same length: letters through the fold
 * table, everything else kept. A fast foldAccents(text).toLowerCase() for hot paths.
 */
export function foldLower(text: string): string {
  const [fold] = tables();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = fold[c];
    out += f > MARK ? String.fromCharCode(f) : text[i];
  }
  return out;
}

/** hashString32 of each folded syllable: the same values as syllableStream(text).hashes. */
export function syllableHashes(text: string): number[] {
  return syllables(text, { fold: true }).map(hashString32);
}

/** Sentences of the normalized text, trimmed, in order (see the module comment for the rules). */
export function sentences(text: string): string[] {
  return sentencesOfNormalized(normalizeText(text));
}

/** sentences() of a text already normalized (normalizeText), without normalizing it again. */
export function sentencesOfNormalized(normalized: string): string[] {
  const out: string[] = [];
  let from = 0;
  let current = -1;
  scan(normalized, (start, _end, sentenceStart) => {
    if (sentenceStart && current >= 0) {
      let cut = start;
      while (cut > from && (OPENERS.includes(normalized[cut - 1]) || /\s/.test(normalized[cut - 1]))) cut--;
      out.push(normalized.slice(from, cut).trim());
      from = cut;
    }
    current = start;
  });
  if (current >= 0) out.push(normalized.slice(from).trim());
  return out.filter((s) => s.length > 0);
}
