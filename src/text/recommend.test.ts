import { describe, expect, it } from 'vitest';
import { foldAccents } from './fold.js';
import { encodeTcvn3 } from './normalize.js';
import { clusterRecommendations, extractRecommendations, isRecommendation } from './recommend.js';
import { generateEssay, recommendationSentence, Rng } from './testing/essays.js';

describe('isRecommendation', () => {
  const yes = ['Đề nghị cấp trên quan tâm hỗ trợ kinh phí.', 'Kiến nghị Tỉnh uỷ sớm ban hành hướng dẫn.', 'Tôi đề xuất mở thêm lớp tập huấn.',
    'Cần tăng cường kiểm tra, giám sát.', 'Chúng ta nên đổi mới cách sinh hoạt chi bộ.', 'Tôi mong muốn được học tập trực tuyến.',
    'Các cấp uỷ cần phải gương mẫu hơn.', 'Rất mong Ban Thường vụ quan tâm.'];
  const no = ['Cán bộ xã đã làm tốt công tác dân vận.', 'Nền kinh tế tăng trưởng khá.', 'Cuộc sống của bà con trở nên tốt hơn.',
    'Đây là việc cần thiết.', 'Căn cứ Nghị quyết, chi bộ xây dựng kế hoạch.', 'Vì vậy nên chi bộ đã họp bàn kỹ.', 'Thu nhập tăng 5 triệu đồng.',
    'Tôi không có kiến nghị gì.', 'Tôi cần học thêm tin học.', 'Bản thân tôi nên gương mẫu hơn.'];

  it('recognizes proposals, accents or not', () => {
    for (const s of yes) {
      expect(isRecommendation(s), s).toBe(true);
      expect(isRecommendation(foldAccents(s)), foldAccents(s)).toBe(true);
    }
  });

  it('does not take cán bộ, nền, trở nên, cần thiết, căn cứ for proposals', () => {
    for (const s of no) {
      expect(isRecommendation(s), s).toBe(false);
      expect(isRecommendation(foldAccents(s)), foldAccents(s)).toBe(false);
    }
  });
});

describe('extractRecommendations', () => {
  it('takes every sentence of the recommendations part, and cue sentences elsewhere', () => {
    const text = [
      'III. Liên hệ bản thân', 'Tôi sẽ học tập tốt hơn. Tôi hứa làm theo.',
      'IV. Đề xuất, kiến nghị', 'Một là, tăng cường bồi dưỡng cán bộ cơ sở.', '- Mở rộng học tập trực tuyến cho đảng viên ở xa.',
      'V. Kết luận', 'Chi bộ đã hoàn thành việc học tập nghị quyết.', 'Cấp trên nên cấp thêm tài liệu cho chi bộ.',
    ].join('\n');
    const found = extractRecommendations(text);
    expect(found.map((r) => [r.sentence, r.reason])).toEqual([
      ['Tăng cường bồi dưỡng cán bộ cơ sở.', 'section'],
      ['Mở rộng học tập trực tuyến cho đảng viên ở xa.', 'section'],
      ['Cấp trên nên cấp thêm tài liệu cho chi bộ.', 'cue'],
    ]);
  });

  it('keeps numbered items inside the part, and closes it at the next numbered title', () => {
    const text = '4. Kiến nghị\n1. Tăng kinh phí cho chi bộ.\n2. Mở lớp tin học cho đảng viên lớn tuổi.\n5. Kết luận\nChi bộ đã học tập nghiêm túc.';
    expect(extractRecommendations(text).map((r) => r.sentence)).toEqual(['Tăng kinh phí cho chi bộ.', 'Mở lớp tin học cho đảng viên lớn tuổi.']);
  });

  it('reads a "(d)" part and a heading followed by a colon', () => {
    expect(extractRecommendations('(d) Kiến nghị, đề xuất: Mở thêm lớp tin học cho đảng viên lớn tuổi.').map((r) => r.sentence))
      .toEqual(['Mở thêm lớp tin học cho đảng viên lớn tuổi.']);
    expect(extractRecommendations('d) Giải pháp\nHỗ trợ xi măng làm đường cho thôn Hai.').map((r) => r.reason)).toEqual(['section']);
  });

  it('finds the recommendations of generated essays however typed', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const essay = generateEssay(seed);
      const expected = essay.recommendations.map((r) => r.sentence);
      for (const typed of [essay.text, foldAccents(essay.text), encodeTcvn3(essay.text)]) {
        const found = extractRecommendations(typed).map((r) => foldAccents(r.sentence).toLowerCase());
        for (const e of expected) expect(found).toContain(foldAccents(e).toLowerCase());
      }
    }
  });
});

describe('clusterRecommendations', () => {
  const essays = Array.from({ length: 300 }, (_, i) => ({ id: i, org: `chi-bo-${i % 7}`, essay: generateEssay(20_000 + i) }));
  const topicOf = new Map<string, number>();
  for (const { essay } of essays) for (const r of essay.recommendations) topicOf.set(r.sentence, r.topic);
  const clusters = clusterRecommendations(essays.map(({ id, org, essay }) => ({ id, org, text: essay.text })));

  it('brings together recommendations of the same meaning in different words', () => {
    const byTopic = new Map<number, Map<number, number>>(); // topic → cluster → items
    let pure = 0, total = 0;
    for (const c of clusters) {
      const counts = new Map<number, number>();
      for (const item of c.items) {
        const topic = topicOf.get(item.sentence);
        if (topic === undefined) continue;
        counts.set(topic, (counts.get(topic) ?? 0) + 1);
        const t = byTopic.get(topic) ?? new Map<number, number>();
        t.set(c.cluster, (t.get(c.cluster) ?? 0) + 1);
        byTopic.set(topic, t);
        total++;
      }
      pure += Math.max(0, ...counts.values());
    }
    expect(pure / total).toBeGreaterThan(0.95);
    const completeness = [...byTopic.values()].map((t) => Math.max(...t.values()) / [...t.values()].reduce((a, b) => a + b, 0));
    expect(completeness.reduce((a, b) => a + b, 0) / completeness.length).toBeGreaterThan(0.85);
  });

  it('labels each cluster with one of its sentences, counts per org, and is ordered and deterministic', () => {
    clusters.forEach((c, i) => {
      expect(c.cluster).toBe(i + 1);
      expect(c.size).toBe(c.items.length);
      expect(c.items.map((x) => x.sentence)).toContain(c.label);
      expect(Object.values(c.orgs ?? {}).reduce((a, b) => a + b, 0)).toBe(c.size);
      if (i > 0) expect(c.size).toBeLessThanOrEqual(clusters[i - 1].size);
    });
    const again = clusterRecommendations(essays.map(({ id, org, essay }) => ({ id, org, text: essay.text })));
    expect(again).toEqual(clusters);
  });

  it('keeps apart requests on different matters', () => {
    const rng = new Rng(3);
    const docs = Array.from({ length: 40 }, (_, i) => ({ id: `d${i}`, text: recommendationSentence(rng, i % 2 === 0 ? 2 : 5) }));
    const result = clusterRecommendations(docs);
    for (const c of result) {
      const kinds = new Set(c.items.map((x) => Number(String(x.id).slice(1)) % 2));
      expect(kinds.size).toBe(1);
    }
  });
});
