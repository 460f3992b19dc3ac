/**
 * The passages two texts share, as readable excerpts side by side (pure; no database).
 *
 * The text engine's FingerprintIndex finds the shared passages as syllable ranges (seeds of at least
 * k syllables, boilerplate and the Resolution's own sentences left out). Each seed is stretched to the
 * whole run of equal syllables around it (minus any boilerplate it reached at its ends), runs a few
 * changed words apart are merged into one passage, short ones (stock phrases) dropped, and the ranges
 * turned back into the writer's characters (after legacy encodings are repaired) with a few syllables
 * of context either side. Count and length are capped for the screen.
 */
import { FingerprintIndex, repairEncoding, syllableStream } from '../../text/index.js';

export interface Excerpt { before: string; match: string; after: string }
export interface PassagePair { a: Excerpt; b: Excerpt; syllables: number }

export interface PassageOptions {
  /** Texts whose passages never count (opening formulas, the Resolution when comparing two reflections). */
  boilerplate?: string[];
  maxPassages?: number;
  /** Longer matches are cut (with "…") to this many syllables. */
  maxSyllables?: number;
  context?: number;
  /** Runs this many syllables apart or less (in both texts) make one passage. */
  mergeGap?: number;
  /** Shorter passages (stock phrases such as "Điều quan trọng là nâng cao chất lượng giáo dục") are not shown. */
  minSyllables?: number;
}

/** A text made ready for excerpts: its repaired form, folded syllable hashes and their character ranges. */
export interface PreparedText { text: string; hashes: Uint32Array; starts: Int32Array; ends: Int32Array; raw: string }

let classes: Uint8Array | null = null;
const LETTER = 2;
const MARK = 1;

/** Per UTF-16 unit: LETTER (letters, digits, surrogates), MARK (combining, zero-width) or 0, as the engine's scanner. */
function charClasses(): Uint8Array {
  if (classes) return classes;
  const out = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) { out[c] = LETTER; continue; }
    const s = String.fromCharCode(c);
    if (/[\p{M}\u00ad\u200b-\u200d\u2060\ufeff]/u.test(s)) out[c] = MARK;
    else if (/[\p{L}\p{N}]/u.test(s)) out[c] = LETTER;
  }
  return (classes = out);
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Character ranges of the syllables, in the order and number syllableStream() finds them. */
export function syllableRanges(text: string): { starts: Int32Array; ends: Int32Array } {
  const cls = charClasses();
  const starts: number[] = [], ends: number[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const k = cls[c];
    if (k === LETTER) { if (start < 0) start = i; continue; }
    if (k === MARK) continue;
    if ((c === 46 || c === 44) && start >= 0 && i + 1 < text.length && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) continue;
    if (start >= 0) { starts.push(start); ends.push(i); start = -1; }
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

export function prepareText(raw: string): PreparedText {
  const text = repairEncoding(raw);
  const stream = syllableStream(text);
  const { starts, ends } = syllableRanges(text);
  // Should the two tokenizers ever disagree, show no excerpt rather than a wrong one.
  if (starts.length !== stream.count) return { text, raw, hashes: new Uint32Array(0), starts: new Int32Array(0), ends: new Int32Array(0) };
  return { text, raw, hashes: stream.hashes, starts, ends };
}

interface Run { a0: number; a1: number; b0: number; b1: number }

/** Stretches a seed over the equal syllables around it. */
function stretch(a: PreparedText, b: PreparedText, r: Run): Run {
  let { a0, a1, b0, b1 } = r;
  a1 = Math.min(a1, a.hashes.length); b1 = Math.min(b1, b.hashes.length);
  while (a0 > 0 && b0 > 0 && a.hashes[a0 - 1] === b.hashes[b0 - 1]) { a0--; b0--; }
  while (a1 < a.hashes.length && b1 < b.hashes.length && a.hashes[a1] === b.hashes[b1]) { a1++; b1++; }
  return { a0, a1, b0, b1 };
}

function merge(runs: Run[], gap: number): Run[] {
  const out: Run[] = [];
  for (const r of [...runs].sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0)) {
    const last = out[out.length - 1];
    if (last && r.a0 - last.a1 <= gap && r.b0 >= last.b0 && r.b0 - last.b1 <= gap) {
      last.a1 = Math.max(last.a1, r.a1); last.b1 = Math.max(last.b1, r.b1);
    } else if (!last || r.a1 > last.a1) out.push({ ...r }); // else: the same words again, matched elsewhere in b
  }
  return out;
}

function excerpt(p: PreparedText, from: number, to: number, opts: Required<Pick<PassageOptions, 'maxSyllables' | 'context'>>): Excerpt {
  const slice = (s: number, e: number) => (e <= s ? '' : p.text.slice(p.starts[s], p.ends[e - 1]).normalize('NFC'));
  const cut = to - from > opts.maxSyllables;
  const head = cut ? from + Math.ceil(opts.maxSyllables * 0.6) : to;
  const tail = cut ? to - Math.floor(opts.maxSyllables * 0.4) : to;
  const match = cut ? `${slice(from, head)} … ${slice(tail, to)}` : slice(from, to);
  const b0 = Math.max(0, from - opts.context), a1 = Math.min(p.hashes.length, to + opts.context);
  return {
    before: (b0 > 0 ? '… ' : '') + slice(b0, from),
    match,
    after: slice(to, a1) + (a1 < p.hashes.length ? ' …' : ''),
  };
}

const K = 5;
const gramKey = (h: Uint32Array, i: number) => `${h[i]},${h[i + 1]},${h[i + 2]},${h[i + 3]},${h[i + 4]}`;

/** 1 for each syllable of `p` inside a run of K syllables that a boilerplate text also has. */
function boilerplateMask(p: PreparedText, boilerplate: string[]): Uint8Array {
  const mask = new Uint8Array(p.hashes.length);
  if (boilerplate.length === 0) return mask;
  const grams = new Set<string>();
  for (const text of boilerplate) {
    const h = syllableStream(repairEncoding(text)).hashes;
    for (let i = 0; i + K <= h.length; i++) grams.add(gramKey(h, i));
  }
  for (let i = 0; i + K <= p.hashes.length; i++) if (grams.has(gramKey(p.hashes, i))) mask.fill(1, i, i + K);
  return mask;
}

/** Drops the boilerplate syllables a stretched run picked up at either end (a and b move together). */
function trim(r: Run, mask: Uint8Array): Run {
  let { a0, a1, b0, b1 } = r;
  while (a0 < a1 && mask[a0]) { a0++; b0++; }
  while (a1 > a0 && mask[a1 - 1]) { a1--; b1--; }
  return { a0, a1, b0, b1 };
}

/** The passages `a` and `b` share, in a's order, longest first when capped. */
export function sharedPassages(a: PreparedText, b: PreparedText, options: PassageOptions = {}): PassagePair[] {
  const opts = {
    maxPassages: options.maxPassages ?? 12, maxSyllables: options.maxSyllables ?? 90, context: options.context ?? 6,
    mergeGap: options.mergeGap ?? 4, minSyllables: options.minSyllables ?? 12,
  };
  if (a.hashes.length === 0 || b.hashes.length === 0) return [];
  const index = new FingerprintIndex({ boilerplate: options.boilerplate });
  index.add('a', a.raw);
  index.add('b', b.raw);
  const mask = boilerplateMask(a, options.boilerplate ?? []);
  const seeds = index.sharedPassages('a', 'b')
    .map((s) => trim(stretch(a, b, { a0: s.a[0], a1: s.a[1], b0: s.b[0], b1: s.b[1] }), mask))
    .filter((r) => r.a1 - r.a0 >= K);
  // Short headings in capitals name the unit ("CHI BỘ …"): two writers of one branch share them.
  const heading = (r: Run) => r.a1 - r.a0 < 30 && !/\p{Ll}/u.test(a.text.slice(a.starts[r.a0], a.ends[r.a1 - 1]));
  const runs = merge(seeds, opts.mergeGap).filter((r) => r.a1 - r.a0 >= opts.minSyllables && !heading(r));
  const kept = runs.length <= opts.maxPassages ? runs
    : [...runs].sort((x, y) => (y.a1 - y.a0) - (x.a1 - x.a0)).slice(0, opts.maxPassages).sort((x, y) => x.a0 - y.a0);
  return kept.map((r) => ({ a: excerpt(a, r.a0, r.a1, opts), b: excerpt(b, r.b0, r.b1, opts), syllables: r.a1 - r.a0 }));
}
