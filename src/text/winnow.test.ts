import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { encodeTcvn3 } from './normalize.js';
import { textGrams } from './shingle.js';
import { generateEssay } from './testing/essays.js';
import { syllables } from './tokenize.js';
import { FingerprintIndex, winnow } from './winnow.js';

const hashes = fc.array(fc.nat({ max: 1000 }), { maxLength: 80 }).map((xs) => Uint32Array.from(xs));

describe('winnow', () => {
  test.prop([hashes, fc.integer({ min: 1, max: 10 })])('selects the rightmost minimum of every window', (h, w) => {
    const fp = winnow(h, w);
    const chosen = new Set(fp.positions);
    for (let end = Math.min(w, h.length) - 1; h.length > 0 && end < h.length; end++) {
      const start = Math.max(0, end - w + 1);
      let min = start;
      for (let i = start; i <= end; i++) if (h[i] <= h[min]) min = i;
      expect(chosen.has(min)).toBe(true);
    }
    expect(new Set(fp.positions).size).toBe(fp.count);
    fp.positions.forEach((p, i) => expect(fp.hashes[i]).toBe(h[p]));
  });

  it('never selects skipped k-grams', () => {
    const h = Uint32Array.from([5, 1, 7, 1, 9, 3]);
    const fp = winnow(h, 3, Uint8Array.from([0, 1, 0, 1, 0, 0]));
    expect([...fp.hashes]).not.toContain(1);
  });

  test.prop([fc.integer({ min: 1, max: 10_000 })])('finds every shared passage of w + k − 1 syllables', (seed) => {
    const a = generateEssay(seed), b = generateEssay(seed + 1);
    const passage = a.sentences.find((s) => syllables(s).length >= 14) ?? a.sentences[0];
    const fa = new Set(winnow(textGrams(a.text).hashes, 8).hashes);
    const fb = winnow(textGrams(`${b.sentences.slice(0, 3).join(' ')} ${passage} ${b.sentences.slice(3, 6).join(' ')}`).hashes, 8).hashes;
    expect(fb.some((h) => fa.has(h))).toBe(true);
  });
});

describe('FingerprintIndex', () => {
  const essays = Array.from({ length: 6 }, (_, i) => generateEssay(100 + i));
  const opening = 'Kính gửi: Chi uỷ Chi bộ Trường Tiểu học xã Tân Lập. Tên tôi là Nguyễn Văn An, công tác tại Trường Tiểu học xã Tân Lập.';

  it('measures containment both ways and finds the copy', () => {
    const index = new FingerprintIndex();
    essays.forEach((e, i) => index.add(i, e.text));
    const partial = essays[2].sentences.slice(2, 7).join(' ');
    index.add('copy', encodeTcvn3(partial));
    expect(index.containment('copy', 2)).toBeGreaterThan(0.8);
    expect(index.containment(2, 'copy')).toBeLessThan(0.4);
    expect(index.query('copy').map((m) => m.id)).toEqual([2]);
    expect(index.query(2).map((m) => m.id)).toEqual(['copy']);
    const passages = index.sharedPassages('copy', 2);
    expect(passages.length).toBeGreaterThan(0);
    const copySyllables = syllables(partial, { fold: true });
    const originalSyllables = syllables(essays[2].text, { fold: true });
    const [p] = passages;
    expect(copySyllables.slice(p.a[0], p.a[1])).toEqual(originalSyllables.slice(p.b[0], p.b[1]));
  });

  it('ignores supplied boilerplate', () => {
    const withList = new FingerprintIndex({ boilerplate: [opening] });
    const without = new FingerprintIndex();
    for (const index of [withList, without]) {
      index.add('x', `${opening} ${essays[0].sentences.slice(0, 2).join(' ')}`);
      index.add('y', `${opening} ${essays[1].sentences.slice(0, 2).join(' ')}`);
    }
    expect(without.containment('x', 'y')).toBeGreaterThan(0.3);
    expect(withList.containment('x', 'y')).toBe(0);
  });

  it('ignores fingerprints found in too many documents', () => {
    const index = new FingerprintIndex({ maxDocShare: 0.05, minDocs: 20 });
    for (let i = 0; i < 40; i++) index.add(i, `${opening} ${generateEssay(500 + i).sentences.slice(0, 4).join(' ')}`);
    expect(index.query(0)).toEqual([]);
    const removed = new FingerprintIndex();
    removed.add('a', essays[0].text);
    removed.remove('a');
    expect(removed.size).toBe(0);
  });
});
