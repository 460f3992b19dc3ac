import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_SCHEME } from './evaluations.scheme.js';
import { checkScheme, checkScores, gradeFor, groupMax, requirementKeys, totalOf, type Criterion, type Grade, type SchemeRules } from './evaluations.rules.js';

const scheme: SchemeRules = DEFAULT_SCHEME;
const allConfirmed = requirementKeys(scheme);

/** A score of a criterion: 0..max in steps of 0.5. */
const scoreOf = (c: Criterion) => fc.integer({ min: 0, max: c.maxPoints * 2 }).map((h) => h / 2);
const scoresArb = fc.tuple(...scheme.criteria.map(scoreOf)).map((v) => Object.fromEntries(scheme.criteria.map((c, i) => [c.key, v[i]])));
const halfPoints = fc.integer({ min: 0, max: 200 }).map((h) => h / 2);
const rank = (rules: SchemeRules, g: Grade) => rules.grades.findIndex((x) => x.key === g.key);

/** Any split of 100 points into criteria of both groups, and any thresholds best first down to 0. */
const schemeArb: fc.Arbitrary<SchemeRules> = fc.record({
  cuts: fc.uniqueArray(fc.integer({ min: 1, max: 199 }), { minLength: 1, maxLength: 12 }),
  groups: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  thresholds: fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 }),
}).map(({ cuts, groups, thresholds }) => {
  const edges = [0, ...[...cuts].sort((a, b) => a - b), 200];
  const parts = edges.slice(1).map((e, i) => (e - edges[i]) / 2);
  const criteria: Criterion[] = parts.map((maxPoints, i) => ({
    key: `tieu_chi_${i}`, label: `Tiêu chí ${i + 1}`, maxPoints,
    group: i === 0 ? 'general' : i === parts.length - 1 ? 'tasks' : groups[i] ? 'general' : 'tasks',
  }));
  const grades: Grade[] = [...[...thresholds].sort((a, b) => b - a).map((t) => t / 2), 0].map((minScore, i) => ({ key: `muc_${i}`, label: `Mức ${i + 1}`, minScore }));
  return { criteria, grades };
});

describe('QĐ 366 scheme', () => {
  test('is 30 points of general criteria and 70 of task results, four grades at 90/70/50/0', () => {
    expect(checkScheme(scheme)).toEqual([]);
    expect(groupMax(scheme, 'general')).toBe(30);
    expect(groupMax(scheme, 'tasks')).toBe(70);
    expect(scheme.grades.map((g) => [g.key, g.minScore])).toEqual([['xuat_sac', 90], ['tot', 70], ['hoan_thanh', 50], ['khong', 0]]);
    expect(scheme.grades[0].label).toBe('Hoàn thành xuất sắc nhiệm vụ');
  });

  test('Hoàn thành xuất sắc needs the confirmed "≥ 30% beyond target" besides 90 points', () => {
    expect(gradeFor(scheme, 95).key).toBe('tot');
    expect(gradeFor(scheme, 95, allConfirmed).key).toBe('xuat_sac');
    expect(gradeFor(scheme, 89.5, allConfirmed).key).toBe('tot');
    expect(gradeFor(scheme, 49.5).key).toBe('khong');
  });

  test.prop([scoresArb])('the total is the sum of the criterion scores', (scores) => {
    const sum = Object.values(scores).reduce((s, v) => s + v, 0);
    expect(totalOf(scheme, scores)).toBe(sum);
    expect(totalOf(scheme, { ...scores, 'confirm:vuot_muc_30': 1 })).toBe(sum);
    expect(checkScores(scheme, scores)).toEqual([]);
  });

  test.prop([halfPoints, halfPoints, fc.boolean()])('a higher total never gets a lower grade', (a, b, confirmed) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const c = confirmed ? allConfirmed : [];
    expect(rank(scheme, gradeFor(scheme, hi, c))).toBeLessThanOrEqual(rank(scheme, gradeFor(scheme, lo, c)));
  });

  test.prop([schemeArb])('a total exactly on a threshold gets that grade, half a point below gets a lower one', (rules) => {
    rules.grades.forEach((g, i) => {
      expect(gradeFor(rules, g.minScore).key).toBe(g.key);
      if (i < rules.grades.length - 1) expect(rank(rules, gradeFor(rules, g.minScore - 0.5))).toBeGreaterThan(i);
    });
  });

  test.prop([schemeArb])('any scheme whose criteria of both groups sum to 100, with thresholds best first to 0, is valid', (rules) => {
    expect(checkScheme(rules)).toEqual([]);
  });

  test.prop([schemeArb, fc.integer({ min: 0, max: 11 }), fc.constantFrom(0.5, 1, 5)])('moving any criterion off 100 in total is refused', (rules, at, delta) => {
    const i = at % rules.criteria.length;
    const criteria = rules.criteria.map((c, j) => (j === i ? { ...c, maxPoints: c.maxPoints + delta } : c));
    expect(checkScheme({ ...rules, criteria }).map((e) => e.path)).toContain('criteria');
  });

  test('refuses thresholds out of order, a last grade above 0, a missing group and duplicate keys', () => {
    const swapped = { ...scheme, grades: [scheme.grades[1], scheme.grades[0], ...scheme.grades.slice(2)] };
    expect(checkScheme(swapped).some((e) => e.message.includes('giảm dần'))).toBe(true);
    expect(checkScheme({ ...scheme, grades: scheme.grades.slice(0, 3) }).some((e) => e.message.includes('0 điểm'))).toBe(true);
    const onlyGeneral = scheme.criteria.map((c) => ({ ...c, group: 'general' as const }));
    expect(checkScheme({ ...scheme, criteria: onlyGeneral }).some((e) => e.message.includes('Kết quả thực hiện nhiệm vụ'))).toBe(true);
    const dup = scheme.criteria.map((c, i) => (i === 1 ? { ...c, key: scheme.criteria[0].key } : c));
    expect(checkScheme({ ...scheme, criteria: dup }).some((e) => e.message.includes('bị trùng'))).toBe(true);
  });

  const badScore = fc.constantFrom(...scheme.criteria).chain((c) => fc.tuple(fc.constant(c), fc.oneof(
    fc.double({ min: -50, max: -0.01, noNaN: true }),
    fc.double({ min: 0.01, max: 50, noNaN: true }).map((d) => c.maxPoints + d),
    fc.integer({ min: 0, max: c.maxPoints * 2 - 1 }).map((h) => h / 2 + 0.25),
  )));
  test.prop([badScore])('a score below 0, above the maximum or off the half-point step is refused', ([c, value]) => {
    const issues = checkScores(scheme, { [c.key]: value });
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe(`scores.${c.key}`);
  });

  test('a score of an unknown criterion or an unknown confirmation is refused', () => {
    expect(checkScores(scheme, { khong_co: 1 })[0].path).toBe('scores.khong_co');
    expect(checkScores(scheme, {}, ['khong_co'])[0].path).toBe('confirmations');
  });
});
