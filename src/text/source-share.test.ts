import { describe, expect, it } from 'vitest';
import { foldAccents } from './fold.js';
import { encodeVni } from './normalize.js';
import { SourceMatcher, sourceShare } from './source-share.js';
import { generateEssay, RESOLUTION_TEXT } from './testing/essays.js';
import { RESOLUTION_SENTENCES } from './testing/essay-bank.js';

describe('sourceShare', () => {
  it('is 1 for the source itself, however typed, and 0 for unrelated text', () => {
    expect(sourceShare(RESOLUTION_TEXT, [RESOLUTION_TEXT])).toBe(1);
    expect(sourceShare(foldAccents(RESOLUTION_TEXT), [RESOLUTION_TEXT])).toBe(1);
    expect(sourceShare(encodeVni(RESOLUTION_SENTENCES.join('. ')), [RESOLUTION_TEXT])).toBe(1);
    expect(sourceShare('Hôm nay trời nắng đẹp, bà con ra đồng gặt lúa sớm.', [RESOLUTION_TEXT])).toBe(0);
    expect(sourceShare('anything', [])).toBe(0);
  });

  it('measures the part of an essay quoted from the Resolution', () => {
    const essay = generateEssay(9).sentences.filter((s) => !s.includes('“')).slice(0, 6).join(' ');
    const quoted = RESOLUTION_SENTENCES.slice(0, 6).map((s) => `Nghị quyết nêu rõ: ${s}.`).join(' ');
    const matcher = new SourceMatcher([RESOLUTION_TEXT]);
    const share = matcher.share(`${essay} ${quoted}`);
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.75);
    expect(matcher.share(essay)).toBeLessThan(0.1);
  });
});
