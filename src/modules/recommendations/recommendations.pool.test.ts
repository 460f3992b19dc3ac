import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { RECOMMENDATION_FRAMES, RECOMMENDATION_TARGETS, RECOMMENDATION_TOPICS } from '../../text/testing/recommendation-bank.js';
import { foldAccents } from '../../text/index.js';
import { planGathering, sentencesOfVersion } from './recommendations.plan.js';

/** A recommendation sentence on topic `t` in one of the bank's wordings, optionally typed without accents. */
function sentence(t: number, w: number, target: number, plain: boolean): string {
  const topic = RECOMMENDATION_TOPICS[t % RECOMMENDATION_TOPICS.length];
  const frame = RECOMMENDATION_FRAMES[w % RECOMMENDATION_FRAMES.length];
  const who = RECOMMENDATION_TARGETS[target % RECOMMENDATION_TARGETS.length];
  const text = frame.replace('{t}', who).replace('{T}', who[0].toUpperCase() + who.slice(1)).replace('{c}', topic[w % topic.length]);
  return plain ? foldAccents(text) : text;
}

const entryArb = fc.record({ t: fc.nat(11), w: fc.nat(10), target: fc.nat(10), plain: fc.boolean() });

describe('gathering a pool', () => {
  test.prop([fc.array(entryArb, { minLength: 1, maxLength: 60 }), fc.array(entryArb, { maxLength: 8 })], { numRuns: 60 })(
    'puts every new entry in exactly one group (an existing one or a new one), and every new group holds an entry and is titled with one',
    (fresh, existing) => {
      const groups = existing.map((e, i) => ({ id: `g${i}`, title: sentence(e.t, e.w, e.target, e.plain), count: i + 1 }));
      const entries = fresh.map((e, i) => ({ id: `e${i}`, text: sentence(e.t, e.w, e.target, e.plain) }));
      const plan = planGathering(entries, groups);
      expect(plan.assignments.map((a) => a.entryId).sort()).toEqual(entries.map((e) => e.id).sort());
      const known = new Set([...groups.map((g) => g.id), ...plan.newGroups.map((g) => g.id)]);
      for (const a of plan.assignments) expect(known.has(a.groupId)).toBe(true);
      // Every new group gets at least one entry, and is titled with one of them.
      for (const g of plan.newGroups) {
        const mine = plan.assignments.filter((a) => a.groupId === g.id).map((a) => entries.find((e) => e.id === a.entryId)!.text);
        expect(mine.length).toBeGreaterThan(0);
        expect(mine).toContain(g.title);
      }
      expect(new Set(plan.newGroups.map((g) => g.id)).size).toBe(plan.newGroups.length);
    },
  );

  it('sends a re-typing of an existing group\'s recommendation to that group instead of opening a new one', () => {
    const groups = [
      { id: 'funds', title: 'Đề nghị cấp trên tăng kinh phí hoạt động cho các chi bộ vùng sâu, vùng xa.', count: 5 },
      { id: 'roads', title: 'Đề nghị đầu tư nâng cấp đường giao thông liên thôn.', count: 3 },
    ];
    const plan = planGathering([
      { id: 'a', text: 'De nghi tang kinh phi hoat dong cho chi bo vung sau vung xa.' },
      { id: 'b', text: 'Kiến nghị Nhà nước đầu tư nâng cấp đường giao thông liên thôn trong năm tới.' },
      { id: 'c', text: 'Cần tổ chức tập huấn chuyển đổi số cho cán bộ cơ sở.' },
    ], groups);
    expect(plan.assignments.find((x) => x.entryId === 'a')!.groupId).toBe('funds');
    expect(plan.assignments.find((x) => x.entryId === 'b')!.groupId).toBe('roads');
    expect(plan.newGroups.map((g) => g.title)).toEqual(['Cần tổ chức tập huấn chuyển đổi số cho cán bộ cơ sở.']);
  });
});

describe('sentences of a version', () => {
  it('takes the recommendations of the text and every sentence of the typed recommendations part, each once', () => {
    const text = 'Bài thu hoạch.\nII. Liên hệ\nBản thân tôi cần gương mẫu hơn.\nIV. Kiến nghị\n1. Đề nghị tăng phụ cấp cho bí thư chi bộ.\nTrên đây là bài thu hoạch.';
    expect(sentencesOfVersion(text, 'Đề nghị tăng phụ cấp cho bí thư chi bộ. Tổ chức thêm lớp bồi dưỡng lý luận cho đảng viên trẻ.')).toEqual([
      'Đề nghị tăng phụ cấp cho bí thư chi bộ.', 'Tổ chức thêm lớp bồi dưỡng lý luận cho đảng viên trẻ.',
    ]);
    expect(sentencesOfVersion(null, null)).toEqual([]);
  });
});
