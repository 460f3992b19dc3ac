import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOILERPLATE, repairEncoding, syllableStream } from '../../text/index.js';
import { messyText } from '../../text/testing/arbitraries.js';
import { changeWords, generateEssay, RESOLUTION_TEXT, retype, RETYPINGS, Rng } from '../../text/testing/essays.js';
import { prepareText, sharedPassages, syllableRanges } from './copies.passages.js';

const fold = (s: string) => repairEncoding(s).normalize('NFC').replace(/…/g, ' ').replace(/\s+/g, ' ').trim();

describe('copy passages', () => {
  test.prop([fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(...RETYPINGS)])('finds the syllables the engine finds, in any re-typing', (seed, kind) => {
    const text = repairEncoding(retype(generateEssay(seed), kind, new Rng(seed)));
    const { starts, ends } = syllableRanges(text);
    expect(starts.length).toBe(syllableStream(text).count);
    for (let i = 0; i < starts.length; i++) expect(ends[i]).toBeGreaterThan(starts[i]);
  });

  test.prop([messyText])('agrees with the engine on messy input too', (raw) => {
    const text = repairEncoding(raw);
    expect(syllableRanges(text).starts.length).toBe(syllableStream(text).count);
  });

  it('shows a lightly retouched copy as long passages found in both texts', () => {
    const essay = generateEssay(7);
    const copy = changeWords(essay.text, new Rng(3), 0.06);
    const passages = sharedPassages(prepareText(essay.text), prepareText(copy), { maxSyllables: 10_000, context: 0 });
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages) {
      expect(fold(essay.text)).toContain(fold(p.a.match));
      expect(fold(copy)).toContain(fold(p.b.match));
    }
    const covered = passages.reduce((n, p) => n + p.syllables, 0);
    expect(covered / syllableStream(essay.text).count).toBeGreaterThan(0.5);
  });

  it('reads a TCVN3-typed copy back as Unicode', () => {
    const essay = generateEssay(11);
    const copy = retype(essay, 'tcvn3', new Rng(1));
    const [first] = sharedPassages(prepareText(copy), prepareText(essay.text));
    expect(first.a.match).toMatch(/[ạảãàáâầấậẩẫăằắặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữđ]/);
    expect(fold(essay.text)).toContain(fold(first.a.match.split(' … ')[0]));
  });

  it('finds nothing between two essays written apart, and leaves the Resolution out when asked', () => {
    expect(sharedPassages(prepareText(generateEssay(1).text), prepareText(generateEssay(2).text), { boilerplate: [...DEFAULT_BOILERPLATE, RESOLUTION_TEXT] })).toEqual([]);
  });

  it('caps the number and the length of the passages', () => {
    const essay = generateEssay(5).text;
    const [one] = sharedPassages(prepareText(essay), prepareText(essay), { maxSyllables: 20 });
    expect(one.a.match).toContain(' … ');
    expect(one.a.match.split(/\s+/).length).toBeLessThanOrEqual(22);
    const shuffled = retype(generateEssay(5), 'shuffled', new Rng(2));
    expect(sharedPassages(prepareText(essay), prepareText(shuffled), { maxPassages: 3 }).length).toBeLessThanOrEqual(3);
  });
});
