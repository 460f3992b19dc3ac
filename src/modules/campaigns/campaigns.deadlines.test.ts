import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  checkAgainstLimits, checkDeadlineOrder, checkInheritedContents, checkIssueDate, formatVnDate, inheritContents, inheritDeadlines, isPlanLate,
  limitsFromChain, PLAN_FIELDS, withLevelFallback, type PlanDeadlines,
} from './campaigns.deadlines.js';

const L = { commune: 'lvl-commune', grassroots: 'lvl-grassroots', branch: 'lvl-branch' };
const names = { [L.commune]: 'Xã, phường và tương đương', [L.grassroots]: 'Cơ sở', [L.branch]: 'Chi bộ' };

const province: PlanDeadlines = {
  levelDeadlines: [
    { levelId: L.commune, planBy: '2026-11-20', conferencesBy: '2026-12-10' },
    { levelId: L.grassroots, planBy: '2026-11-30', conferencesBy: '2026-12-31' },
    { levelId: L.branch, planBy: null, conferencesBy: '2026-12-15' },
  ],
  reflectionsBy: '2027-01-10', reportBy: '2027-01-20', actionProgramBy: '2027-01-15',
};
const empty: PlanDeadlines = { levelDeadlines: [], reflectionsBy: null, reportBy: null, actionProgramBy: null };

describe('deadlines of a lower plan', () => {
  it('starts from the upper plan\'s deadlines and accepts them as they are', () => {
    const limits = limitsFromChain([province]);
    const child = inheritDeadlines(empty, limits);
    expect(child).toEqual(province);
    expect(checkAgainstLimits(child, limits, names)).toEqual([]);
  });

  it('refuses a later conference deadline, naming the level and both dates in dd/MM/yyyy', () => {
    const limits = limitsFromChain([province]);
    const child = inheritDeadlines({ ...empty, levelDeadlines: [{ levelId: L.branch, planBy: null, conferencesBy: '2026-12-20' }] }, limits);
    expect(checkAgainstLimits(child, limits, names)).toEqual([{
      path: 'levelDeadlines.0.conferencesBy',
      message: 'Thời hạn tổ chức hội nghị cấp Chi bộ (20/12/2026) muộn hơn thời hạn kế hoạch cấp trên cho phép (15/12/2026)',
    }]);
  });

  it('refuses later plan-wide deadlines with their own names', () => {
    const limits = limitsFromChain([province]);
    const issues = checkAgainstLimits({ ...province, reflectionsBy: '2027-01-11', actionProgramBy: '2027-02-01' }, limits, names);
    expect(issues.map((i) => i.path)).toEqual(['reflectionsBy', 'actionProgramBy']);
    expect(issues[0].message).toBe('Thời hạn nộp bài thu hoạch (11/01/2027) muộn hơn thời hạn kế hoạch cấp trên cho phép (10/01/2027)');
    expect(issues[1].message).toContain('hoàn thành chương trình hành động (01/02/2027)');
  });

  it('binds a level the parent leaves open by the nearest plan above that sets it', () => {
    const commune: PlanDeadlines = { ...empty, levelDeadlines: [{ levelId: L.grassroots, planBy: '2026-11-25', conferencesBy: null }] };
    const limits = limitsFromChain([commune, province]);
    expect(limits.levelDeadlines.find((d) => d.levelId === L.grassroots)).toEqual({ levelId: L.grassroots, planBy: '2026-11-25', conferencesBy: '2026-12-31' });
    expect(limits.reportBy).toBe('2027-01-20');
    const late = checkAgainstLimits({ ...empty, levelDeadlines: [{ levelId: L.grassroots, planBy: '2026-11-28', conferencesBy: '2026-12-31' }] }, limits, names);
    expect(late).toHaveLength(1);
    expect(late[0].message).toContain('(25/11/2026)');
  });

  it('binds a level no upper plan sets by the nearest level above it that is set', () => {
    const ranks = { [L.commune]: 1, [L.grassroots]: 2, 'lvl-sub': 3, [L.branch]: 4 };
    const limits = withLevelFallback(limitsFromChain([province]), ranks);
    expect(limits.levelDeadlines.find((d) => d.levelId === 'lvl-sub')).toEqual({ levelId: 'lvl-sub', planBy: '2026-11-30', conferencesBy: '2026-12-31' });
    expect(limits.levelDeadlines.find((d) => d.levelId === L.branch)).toEqual({ levelId: L.branch, planBy: '2026-11-30', conferencesBy: '2026-12-15' });
    const issues = checkAgainstLimits({ ...empty, levelDeadlines: [{ levelId: 'lvl-sub', planBy: null, conferencesBy: '2027-01-02' }] }, limits, { ...names, 'lvl-sub': 'Đảng bộ bộ phận' });
    expect(issues[0].message).toBe('Thời hạn tổ chức hội nghị cấp Đảng bộ bộ phận (02/01/2027) muộn hơn thời hạn kế hoạch cấp trên cho phép (31/12/2026)');
  });

  it('leaves a level no upper plan mentions free when nothing above it is set', () => {
    const limits = limitsFromChain([{ ...empty, levelDeadlines: [{ levelId: L.commune, planBy: '2026-11-20', conferencesBy: null }] }]);
    expect(checkAgainstLimits({ ...empty, levelDeadlines: [{ levelId: L.branch, planBy: '2027-06-01', conferencesBy: '2027-06-30' }] }, limits, names)).toEqual([]);
  });
});

describe('order of deadlines within a plan', () => {
  it('accepts a sensible plan', () => {
    expect(checkDeadlineOrder(province, names)).toEqual([]);
  });

  it('refuses conferences before the plan that calls them, and reflections due before the conferences', () => {
    const bad: PlanDeadlines = {
      ...province,
      levelDeadlines: [{ levelId: L.branch, planBy: '2026-12-20', conferencesBy: '2026-12-15' }],
      reflectionsBy: '2026-12-01',
    };
    const issues = checkDeadlineOrder(bad, names);
    expect(issues.map((i) => i.path)).toEqual(['levelDeadlines.0.conferencesBy', 'reflectionsBy']);
    expect(issues[1].message).toBe('Thời hạn nộp bài thu hoạch (01/12/2026) phải sau hoặc cùng ngày thời hạn tổ chức hội nghị cấp Chi bộ (15/12/2026)');
  });

  it('refuses a report due before the reflections it reports on', () => {
    const issues = checkDeadlineOrder({ ...province, reportBy: '2027-01-05' }, names);
    expect(issues).toEqual([{ path: 'reportBy', message: expect.stringContaining('Thời hạn báo cáo kết quả (05/01/2027)') }]);
  });
});

describe('inherited contents', () => {
  const parent = [{ text: 'Báo cáo chính trị', fromPlanId: null }, { text: 'Chương trình đột phá', fromPlanId: 'root-plan' }];
  const inherited = inheritContents('parent-plan', parent);

  it('marks every upper item with the plan it came from', () => {
    expect(inherited).toEqual([{ text: 'Báo cáo chính trị', fromPlanId: 'parent-plan' }, { text: 'Chương trình đột phá', fromPlanId: 'root-plan' }]);
  });

  it('accepts own items anywhere, refuses removing, editing or reordering inherited ones', () => {
    const own = { text: 'Nghị quyết Đại hội Đảng bộ xã', fromPlanId: null };
    expect(checkInheritedContents(inherited, [own, inherited[0], own, inherited[1]])).toEqual([]);
    expect(checkInheritedContents(inherited, [inherited[0]])).toHaveLength(1);
    expect(checkInheritedContents(inherited, [{ ...inherited[0], text: 'Sửa' }, inherited[1]])[0].path).toBe('contents.0');
    expect(checkInheritedContents(inherited, [inherited[1], inherited[0]])).toHaveLength(1);
    expect(checkInheritedContents([], [{ text: 'Giả kế thừa', fromPlanId: 'x' }])).toHaveLength(1);
  });
});

describe('late plans', () => {
  it('is late when not issued after the due date, or issued after it', () => {
    expect(isPlanLate({ required: true, dueBy: '2026-11-30', issuedOn: null, today: '2026-12-01' })).toBe(true);
    expect(isPlanLate({ required: true, dueBy: '2026-11-30', issuedOn: null, today: '2026-11-30' })).toBe(false);
    expect(isPlanLate({ required: true, dueBy: '2026-11-30', issuedOn: '2026-12-02', today: '2026-11-01' })).toBe(true);
    expect(isPlanLate({ required: false, dueBy: null, issuedOn: null, today: '2030-01-01' })).toBe(false);
  });
  it('formats dates the Vietnamese way', () => expect(formatVnDate('2026-01-05')).toBe('05/01/2026'));
});

// ---- Properties ---------------------------------------------------------------------------

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 9, 1);
const iso = (d: number) => new Date(BASE + d * DAY).toISOString().slice(0, 10);
const dayArb = fc.integer({ min: 0, max: 200 });
const maybeDay = fc.option(dayArb, { nil: null });
const levelsArb = fc.uniqueArray(fc.constantFrom(...Object.values(L)), { maxLength: 3 });

const planArb: fc.Arbitrary<PlanDeadlines> = fc.record({
  levels: levelsArb.chain((ids) => fc.tuple(...ids.map((id) => fc.record({ levelId: fc.constant(id), planBy: maybeDay, conferencesBy: maybeDay })))),
  reflectionsBy: maybeDay, reportBy: maybeDay, actionProgramBy: maybeDay,
}).map((p) => ({
  levelDeadlines: (p.levels as Array<{ levelId: string; planBy: number | null; conferencesBy: number | null }>)
    .map((d) => ({ levelId: d.levelId, planBy: d.planBy === null ? null : iso(d.planBy), conferencesBy: d.conferencesBy === null ? null : iso(d.conferencesBy) })),
  reflectionsBy: p.reflectionsBy === null ? null : iso(p.reflectionsBy),
  reportBy: p.reportBy === null ? null : iso(p.reportBy),
  actionProgramBy: p.actionProgramBy === null ? null : iso(p.actionProgramBy),
}));

const shift = (d: string | null, days: number) => (d === null ? null : new Date(Date.parse(d) + days * DAY).toISOString().slice(0, 10));

/** Every date of `plan` moved by its own amount from `moves` (cycled). */
function moveAll(plan: PlanDeadlines, moves: number[]): PlanDeadlines {
  let k = 0;
  const next = () => moves[k++ % moves.length];
  return {
    levelDeadlines: plan.levelDeadlines.map((d) => ({ levelId: d.levelId, planBy: shift(d.planBy, next()), conferencesBy: shift(d.conferencesBy, next()) })),
    reflectionsBy: shift(plan.reflectionsBy, next()), reportBy: shift(plan.reportBy, next()), actionProgramBy: shift(plan.actionProgramBy, next()),
  };
}

describe('deadline properties', () => {
  test.prop([planArb, fc.array(fc.integer({ min: -60, max: 0 }), { minLength: 1, maxLength: 12 })])(
    'a lower plan that only moves deadlines earlier is always accepted', (upper, moves) => {
      const limits = limitsFromChain([upper]);
      const child = inheritDeadlines(moveAll(inheritDeadlines(empty, limits), moves), limits);
      expect(checkAgainstLimits(child, limits, names)).toEqual([]);
    });

  test.prop([planArb, fc.nat(), fc.integer({ min: 1, max: 90 })])(
    'moving any one set deadline later is always refused, at that field', (upper, pick, days) => {
      const limits = limitsFromChain([upper]);
      const child = inheritDeadlines(empty, limits);
      const fields = [
        ...child.levelDeadlines.flatMap((d, i) => (['planBy', 'conferencesBy'] as const).filter((f) => d[f]).map((f) => `levelDeadlines.${i}.${f}`)),
        ...PLAN_FIELDS.filter((f) => child[f]),
      ];
      fc.pre(fields.length > 0);
      const path = fields[pick % fields.length];
      const [, i, f] = path.split('.');
      if (f) (child.levelDeadlines[Number(i)] as unknown as Record<string, string>)[f] = shift(child.levelDeadlines[Number(i)][f as 'planBy']!, days)!;
      else (child as unknown as Record<string, string>)[path] = shift(child[path as 'reportBy'], days)!;
      const issues = checkAgainstLimits(child, limits, names);
      expect(issues.map((x) => x.path)).toEqual([path]);
      expect(issues[0].message).toMatch(/\(\d{2}\/\d{2}\/\d{4}\) muộn hơn thời hạn kế hoạch cấp trên cho phép \(\d{2}\/\d{2}\/\d{4}\)$/);
    });

  test.prop([planArb, planArb])('a grandchild within its parent is within the grandparent too', (grand, parentOwn) => {
    const parent = inheritDeadlines(parentOwn, limitsFromChain([grand]));
    fc.pre(checkAgainstLimits(parent, limitsFromChain([grand]), names).length === 0);
    const child = inheritDeadlines(empty, limitsFromChain([parent, grand]));
    expect(checkAgainstLimits(child, limitsFromChain([grand]), names)).toEqual([]);
  });

  test.prop([
    fc.array(fc.record({ text: fc.string({ minLength: 1 }), fromPlanId: fc.option(fc.constantFrom('p1', 'p2'), { nil: null }) }), { maxLength: 6 }),
    fc.array(fc.record({ at: fc.nat(), text: fc.string({ minLength: 1 }) }), { maxLength: 6 }),
  ])('inherited contents survive any insertion of own items, and any removal is caught', (parentContents, own) => {
    const inherited = inheritContents('parent', parentContents);
    const merged = [...inherited];
    for (const o of own) merged.splice(o.at % (merged.length + 1), 0, { text: o.text, fromPlanId: null });
    expect(checkInheritedContents(inherited, merged)).toEqual([]);
    if (inherited.length > 0) {
      const drop = merged.findIndex((c) => c.fromPlanId !== null);
      expect(checkInheritedContents(inherited, merged.filter((_, i) => i !== drop))).toHaveLength(1);
    }
  });

  test.prop([planArb, fc.constantFrom(...Object.values(L)), fc.integer({ min: -30, max: 30 })])(
    'with the fallback, a level is never allowed later than the nearest level above it sets', (upper, levelId, move) => {
      const ranks = { [L.commune]: 1, [L.grassroots]: 2, [L.branch]: 3 };
      const limits = withLevelFallback(limitsFromChain([upper]), ranks);
      const above = upper.levelDeadlines.filter((d) => ranks[d.levelId] < ranks[levelId] && d.conferencesBy).sort((a, b) => ranks[b.levelId] - ranks[a.levelId])[0];
      const own = upper.levelDeadlines.find((d) => d.levelId === levelId)?.conferencesBy ?? null;
      const bound = own ?? above?.conferencesBy ?? null;
      fc.pre(bound !== null);
      const date = shift(bound, move)!;
      const issues = checkAgainstLimits({ ...empty, levelDeadlines: [{ levelId, planBy: null, conferencesBy: date }] }, limits, names);
      expect(issues.length).toBe(move > 0 ? 1 : 0);
    });

  test.prop([fc.array(dayArb, { minLength: 4, maxLength: 4 })])('deadlines laid out in order are accepted by the order rule', (days) => {
    const [a, b, c, d] = [...days].sort((x, y) => x - y).map(iso);
    expect(checkDeadlineOrder({ levelDeadlines: [{ levelId: L.branch, planBy: a, conferencesBy: b }], reflectionsBy: c, reportBy: d, actionProgramBy: null }, names)).toEqual([]);
  });
});

describe('the issue date of a plan', () => {
  test.prop([dayArb, dayArb, fc.option(dayArb), fc.option(dayArb)])(
    'is accepted exactly when it is neither after today nor before the plan above nor before the approval',
    (issued, today, parent, approved) => {
      const issues = checkIssueDate({ issuedOn: iso(issued), today: iso(today), parentIssuedOn: parent === null ? null : iso(parent), approvedOn: approved === null ? null : iso(approved) });
      const ok = issued <= today && (parent === null || issued >= parent) && (approved === null || issued >= approved);
      expect(issues.length === 0).toBe(ok);
      expect(issues.every((i) => i.path === 'issuedOn' && i.message.includes(formatVnDate(iso(issued))))).toBe(true);
    });
});
