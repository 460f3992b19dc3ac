import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_RUBRIC, missingCriteria, suggestGrade, validateRubric, type Rubric } from './reflections.rubric.js';

const full = (a: string, b: string, c: string, d: string) => ({ a, b, c, d });

describe('the default rubric', () => {
  it('is valid and names the four criteria of the plan', () => {
    expect(validateRubric(DEFAULT_RUBRIC)).toEqual([]);
    expect(DEFAULT_RUBRIC.criteria.map((c) => c.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(DEFAULT_RUBRIC.grades.map((g) => g.label)).toEqual(['Tốt', 'Khá', 'Đạt', 'Chưa đạt']);
  });

  it('suggests by the average of the levels: all Tốt → Tốt, three Khá and a Tốt → Khá, mixed low → Đạt, all Chưa đạt → Chưa đạt', () => {
    expect(suggestGrade(DEFAULT_RUBRIC, full('tot', 'tot', 'tot', 'tot'))).toBe('tot');
    expect(suggestGrade(DEFAULT_RUBRIC, full('tot', 'tot', 'kha', 'kha'))).toBe('tot'); // 2.5
    expect(suggestGrade(DEFAULT_RUBRIC, full('tot', 'kha', 'kha', 'kha'))).toBe('kha'); // 2.25
    expect(suggestGrade(DEFAULT_RUBRIC, full('kha', 'kha', 'kha', 'dat'))).toBe('kha'); // 1.75 exactly
    expect(suggestGrade(DEFAULT_RUBRIC, full('kha', 'kha', 'dat', 'dat'))).toBe('dat'); // 1.5
    expect(suggestGrade(DEFAULT_RUBRIC, full('dat', 'dat', 'dat', 'chua_dat'))).toBe('chua_dat'); // 0.75
    expect(suggestGrade(DEFAULT_RUBRIC, full('chua_dat', 'chua_dat', 'chua_dat', 'chua_dat'))).toBe('chua_dat');
  });

  it('suggests nothing until every criterion has a level on the scale, and names the missing ones', () => {
    expect(suggestGrade(DEFAULT_RUBRIC, { a: 'tot', b: 'tot', c: 'tot' })).toBeNull();
    expect(suggestGrade(DEFAULT_RUBRIC, full('tot', 'tot', 'tot', 'xuat_sac'))).toBeNull();
    expect(missingCriteria(DEFAULT_RUBRIC, { a: 'tot', c: 'kha' }).map((c) => c.key)).toEqual(['b', 'd']);
  });
});

describe('rubric validation', () => {
  const withChange = (change: Partial<Rubric>): Rubric => ({ ...DEFAULT_RUBRIC, ...change });

  it('refuses duplicate keys, naming them', () => {
    const issues = validateRubric(withChange({ criteria: [...DEFAULT_RUBRIC.criteria, { key: 'a', label: 'Tiêu chí khác', hint: '' }] }));
    expect(issues).toEqual([{ path: 'rubric.criteria', message: 'Mã "a" bị trùng' }]);
  });

  it('wants levels and grades ordered best first', () => {
    const levels = [...DEFAULT_RUBRIC.levels].reverse();
    expect(validateRubric(withChange({ levels })).map((i) => i.path)).toContain('rubric.levels.1.points');
    const grades = [DEFAULT_RUBRIC.grades[1], DEFAULT_RUBRIC.grades[0], ...DEFAULT_RUBRIC.grades.slice(2)];
    expect(validateRubric(withChange({ grades })).map((i) => i.path)).toEqual(['rubric.grades.1.minAverage']);
  });

  it('refuses a lowest grade that the lowest levels cannot reach (a complete set with no grade)', () => {
    const grades = DEFAULT_RUBRIC.grades.map((g, i) => (i === 3 ? { ...g, minAverage: 0.5 } : g));
    expect(validateRubric(withChange({ grades }))).toHaveLength(1);
    expect(suggestGrade(withChange({ grades }), full('chua_dat', 'chua_dat', 'chua_dat', 'chua_dat'))).toBeNull();
  });

  it('refuses empty lists', () => {
    expect(validateRubric({ criteria: [], levels: [DEFAULT_RUBRIC.levels[0]], grades: [] }).length).toBe(3);
  });
});

/** A valid rubric of random shape: 1–6 criteria, 2–6 levels with falling points, 1–5 grades with falling thresholds. */
const rubricArb: fc.Arbitrary<Rubric> = fc.record({
  criteria: fc.integer({ min: 1, max: 6 }),
  points: fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 6 }),
  thresholds: fc.uniqueArray(fc.integer({ min: 0, max: 80 }), { minLength: 0, maxLength: 4 }),
}).map(({ criteria, points, thresholds }) => {
  const levels = [...points].sort((x, y) => y - x).map((p, i) => ({ key: `l${i}`, label: `Mức ${i}`, points: p }));
  const low = levels.at(-1)!.points;
  // Thresholds in quarter points above the lowest level, then one grade at the lowest level itself.
  const upper = [...new Set(thresholds.map((t) => low + t / 4))].filter((t) => t > low).sort((x, y) => y - x);
  const grades = [...upper, low].map((t, i) => ({ key: `g${i}`, label: `Loại ${i}`, minAverage: t }));
  return { criteria: Array.from({ length: criteria }, (_, i) => ({ key: `c${i}`, label: `Tiêu chí ${i}`, hint: '' })), levels, grades };
});

/** A rubric and a complete set of level indexes for it. */
const gradedArb = rubricArb.chain((rubric) => fc.record({
  rubric: fc.constant(rubric),
  picks: fc.array(fc.integer({ min: 0, max: rubric.levels.length - 1 }), { minLength: rubric.criteria.length, maxLength: rubric.criteria.length }),
  raise: fc.nat({ max: rubric.criteria.length - 1 }),
}));

const levelsOf = (rubric: Rubric, picks: number[]) => Object.fromEntries(rubric.criteria.map((c, i) => [c.key, rubric.levels[picks[i]].key]));
const rank = (rubric: Rubric, grade: string | null) => rubric.grades.findIndex((g) => g.key === grade);

describe('grade suggestion (properties)', () => {
  test.prop([rubricArb])('every generated rubric passes validation', (rubric) => {
    expect(validateRubric(rubric)).toEqual([]);
  });

  test.prop([gradedArb])('every complete set of levels gets exactly one grade of the rubric', ({ rubric, picks }) => {
    const grade = suggestGrade(rubric, levelsOf(rubric, picks));
    expect(rubric.grades.filter((g) => g.key === grade)).toHaveLength(1);
  });

  test.prop([gradedArb])('raising one criterion by a level never lowers the suggested grade', ({ rubric, picks, raise }) => {
    const before = suggestGrade(rubric, levelsOf(rubric, picks));
    const better = picks.map((p, i) => (i === raise ? Math.max(0, p - 1) : p));
    const after = suggestGrade(rubric, levelsOf(rubric, better));
    // Grades are ordered best first: a lower index is a better grade.
    expect(rank(rubric, after)).toBeLessThanOrEqual(rank(rubric, before));
  });

  test.prop([gradedArb])('the order of the criteria does not matter', ({ rubric, picks }) => {
    const reversed = { ...rubric, criteria: [...rubric.criteria].reverse() };
    expect(suggestGrade(reversed, levelsOf(rubric, picks))).toBe(suggestGrade(rubric, levelsOf(rubric, picks)));
  });
});
