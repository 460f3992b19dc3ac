import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { countCandidates, createDedupeIndex, dedupe, DEFAULT_BOILERPLATE } from './dedupe.js';
import { foldAccents } from './fold.js';
import { encodeTcvn3, encodeVni } from './normalize.js';
import { changeWords, generateEssay, RESOLUTION_TEXT, Rng } from './testing/essays.js';
import { RESOLUTION_SENTENCES } from './testing/essay-bank.js';
import { plantedCorpus, scorePlanted } from './testing/planted.js';

const sources = [RESOLUTION_TEXT];

describe('dedupe on a planted corpus', () => {
  it('finds every planted copy in every re-typing and flags nothing else', () => {
    const corpus = plantedCorpus({ families: 12, independent: 150, seed: 1 });
    const { pairs } = dedupe(corpus.docs, sources);
    const score = scorePlanted(corpus, pairs);
    expect(score.missed).toEqual([]);
    expect(score.falsePositives).toEqual([]);
  });

  it.each([2, 3, 4])('keeps recall and precision on other corpora (seed %i)', (seed) => {
    const corpus = plantedCorpus({ families: 8, independent: 120, seed });
    const score = scorePlanted(corpus, dedupe(corpus.docs, sources).pairs);
    expect(score.recall).toBeGreaterThanOrEqual(0.97);
    expect(score.precision).toBe(1);
  });

  it('does not flag different essays on the same topic', () => {
    const docs = Array.from({ length: 200 }, (_, i) => ({ id: i, text: generateEssay(90_000 + i).text }));
    expect(dedupe(docs, sources).pairs).toEqual([]);
  });
});

describe('dedupe', () => {
  const original = generateEssay(42);
  const other = generateEssay(43);

  it('scores a copy with 10 % and 15 % of the words changed', () => {
    const rng = new Rng(5);
    const docs = [
      { id: 'o', text: original.text },
      { id: 'c10', text: changeWords(original.text, rng, 0.1) },
      { id: 'c15', text: changeWords(original.text, rng, 0.15) },
      { id: 'x', text: other.text },
    ];
    const { pairs } = dedupe(docs, sources);
    const flagged = pairs.filter((p) => p.a === 'o').map((p) => p.b);
    expect(flagged).toEqual(expect.arrayContaining(['c10', 'c15']));
    expect(pairs.every((p) => p.a !== 'x' && p.b !== 'x')).toBe(true);
    for (const p of pairs) expect(p.score).toBeGreaterThan(0.4);
  });

  it('finds a copy of three sentences, typed in VNI without line breaks', () => {
    const copied = original.sentences.slice(4, 7).join(' ');
    const docs = [{ id: 1, text: original.text }, { id: 2, text: encodeVni(`${generateEssay(44).sentences[5]} ${copied}`) }, { id: 3, text: other.text }];
    const { pairs } = dedupe(docs, sources);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[1, 2]]);
  });

  it('does not pair two essays for quoting the same Resolution, and measures the quoting', () => {
    const quotes = RESOLUTION_SENTENCES.slice(0, 8).map((s) => `Nghị quyết nêu rõ: “${s}”.`);
    const a = `${quotes.join(' ')} ${original.sentences.slice(0, 4).join(' ')}`;
    const b = foldAccents(`${quotes.join(' ')} ${other.sentences.slice(0, 4).join(' ')}`);
    const result = dedupe([{ id: 'a', text: a }, { id: 'b', text: b }, { id: 'r', text: encodeTcvn3(RESOLUTION_TEXT) }], sources);
    expect(result.pairs).toEqual([]);
    const share = Object.fromEntries(result.shares.map((s) => [s.id, s.sourceShare]));
    expect(share.a).toBeGreaterThan(0.5);
    expect(share.b).toBeGreaterThan(0.5);
    expect(share.r).toBe(1);
  });

  it('does not pair essays for their shared opening formula', () => {
    const opening = 'Kính gửi: Chi uỷ Chi bộ … Tên tôi là … Sinh ngày … Chức vụ … Đơn vị công tác …';
    expect(DEFAULT_BOILERPLATE).toContain(opening);
    const formula = 'Qua học tập, nghiên cứu, quán triệt Nghị quyết, bản thân tôi xin thu hoạch một số nội dung như sau.';
    const docs = [
      { id: 0, text: `${formula} Tôi sẽ cố gắng thực hiện tốt.` },
      { id: 1, text: `${formula} Bản thân tôi xin hứa làm theo.` },
    ];
    expect(dedupe(docs, sources).pairs).toEqual([]);
    expect(dedupe(docs, sources, { boilerplate: [] }).pairs).toHaveLength(1);
  });

  it('still pairs full copies of a text copied by many writers', () => {
    const docs = Array.from({ length: 40 }, (_, i) => ({ id: `copy${i}`, text: i % 2 ? foldAccents(original.text) : original.text }));
    for (let i = 0; i < 30; i++) docs.push({ id: `own${i}`, text: generateEssay(7000 + i).text });
    const { pairs } = dedupe(docs, sources);
    expect(pairs).toHaveLength((40 * 39) / 2);
  });

  it('keeps id types, orders pairs by input order and is deterministic', () => {
    const docs = [{ id: 'z', text: other.text }, { id: 7, text: original.text }, { id: 'a', text: foldAccents(original.text) }, { id: 3, text: original.text }];
    const first = dedupe(docs, sources);
    expect(first.pairs.map((p) => [p.a, p.b])).toEqual([[7, 'a'], [7, 3], ['a', 3]]);
    expect(first.shares.map((s) => s.id)).toEqual(['z', 7, 'a', 3]);
    expect(dedupe(docs, sources)).toEqual(first);
    for (const p of first.pairs) expect(p.score).toBe(1);
  });

  it('handles empty and tiny documents', () => {
    const { pairs, shares } = dedupe([{ id: 1, text: '' }, { id: 2, text: '' }, { id: 3, text: 'Đồng ý.' }, { id: 4, text: 'Đồng ý.' }], sources);
    expect(pairs).toEqual([]);
    expect(shares.map((s) => s.sourceShare)).toEqual([0, 0, 0, 0]);
  });
});

describe('finish with the counting split', () => {
  test.prop([fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 1000 })], { numRuns: 8 })(
    'counting every k-th document in turn (as threads do) flags exactly the pairs of a single pass', async (k, seed) => {
      const corpus = plantedCorpus({ families: 4, independent: 30, seed });
      const one = createDedupeIndex([RESOLUTION_TEXT]);
      const split = createDedupeIndex([RESOLUTION_TEXT]);
      for (const d of corpus.docs) { one.add(d.text); split.add(d.text); }
      const expected = one.finish();
      const got = await split.finishParallel(async (input) => Array.from({ length: k }, (_, from) => {
        const out: number[] = [];
        countCandidates(input, from, k, (a, b) => out.push(a, b));
        return Uint32Array.from(out);
      }));
      expect(got).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    });
});
