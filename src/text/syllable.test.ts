import { describe, expect, it } from 'vitest';
import { test } from '@fast-check/vitest';
import { isVietnameseSyllable, parseSyllable, placeTone } from './syllable.js';
import { renderSyllable, syllableParts } from './testing/arbitraries.js';

describe('parseSyllable', () => {
  it('keeps the u of qu and the i of gi in the onset', () => {
    expect(parseSyllable('quyêt')).toEqual({ onset: 'qu', vowels: 'yê', coda: 't' });
    expect(parseSyllable('giưa')).toEqual({ onset: 'gi', vowels: 'ưa', coda: '' });
    expect(parseSyllable('gin')).toEqual({ onset: 'g', vowels: 'i', coda: 'n' });
    expect(parseSyllable('nghiêng')).toEqual({ onset: 'ngh', vowels: 'iê', coda: 'ng' });
  });

  it('rejects what is not a Vietnamese syllable', () => {
    for (const s of ['street', 'xyz', 'qu', 'caf', 'aeo', 'hello']) expect(parseSyllable(s)).toBeNull();
  });
});

describe('placeTone', () => {
  it('puts the mark old-style on oa, oe, uy and leaves the other cases', () => {
    expect(['hòa', 'khỏe', 'thủy', 'Hòa', 'THỦY', 'tùy'].map((w) => placeTone(w))).toEqual(['hoà', 'khoẻ', 'thuỷ', 'Hoà', 'THUỶ', 'tuỳ']);
    expect(['hoàng', 'thuyền', 'mùa', 'quý', 'già', 'người', 'ngoài', 'khuỷu', 'gì'].map((w) => placeTone(w))).toEqual(
      ['hoàng', 'thuyền', 'mùa', 'quý', 'già', 'người', 'ngoài', 'khuỷu', 'gì']);
  });

  it('can write the new style', () => {
    expect(['hoà', 'khoẻ', 'thuỷ'].map((w) => placeTone(w, 'new'))).toEqual(['hòa', 'khỏe', 'thủy']);
  });

  it('repairs misplaced marks and leaves foreign words', () => {
    expect(placeTone('muà')).toBe('mùa');
    expect(placeTone('ngoaì')).toBe('ngoài');
    expect(placeTone('Zürich')).toBe('Zürich');
    expect(placeTone('café')).toBe('café');
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts correct spellings in either style and rejects the rest', () => {
    for (const w of ['Việt', 'hoà', 'hòa', 'thuở', 'khuỷu', 'nghiêng', 'quốc', 'đường']) expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['Vieät', 'ViÖt', 'caùc', 'hòang', 'màt', 'café', '§¶ng']) expect(isVietnameseSyllable(w)).toBe(false);
  });

  test.prop([syllableParts])('accepts every generated syllable in both styles', (p) => {
    expect(isVietnameseSyllable(renderSyllable(p, 'old'))).toBe(true);
    expect(isVietnameseSyllable(renderSyllable(p, 'new'))).toBe(true);
    expect(placeTone(renderSyllable(p, 'new'))).toBe(renderSyllable(p, 'old'));
  });
});
