import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_NUMBER_PATTERN, PERSONAL_ID_PATTERN } from '../../modules/members/members.fields.js';
import {
  DEMO_MEMBER_HOLDING_KINDS,
  DEMO_ORG_KINDS,
  DEMO_REFERENCE_DATE,
  type DemoProvince,
  type DemoShape,
  demoAccountsPlan,
  generateDemoProvince,
} from './demo-generate.js';

const REF_MS = Date.parse(DEMO_REFERENCE_DATE);
const DAY_MS = 86_400_000;

function index(p: DemoProvince) {
  const orgByKey = new Map(p.orgs.map((o) => [o.key, o]));
  const children = new Map<string, string[]>();
  for (const o of p.orgs) if (o.parentKey !== null) children.set(o.parentKey, [...(children.get(o.parentKey) ?? []), o.key]);
  const count = new Map<string, number>();
  for (const m of p.members) count.set(m.branchKey, (count.get(m.branchKey) ?? 0) + 1);
  const rankOf = new Map(p.levels.map((l) => [l.code, l.rank]));
  const ancestors = (key: string): string[] => {
    const out: string[] = [];
    for (let o = orgByKey.get(key); o?.parentKey; o = orgByKey.get(o.parentKey)) out.push(o.parentKey);
    return out;
  };
  return { orgByKey, children, count, rankOf, ancestors };
}

function age(birthDate: string): number {
  return (REF_MS - Date.parse(birthDate)) / (365.2425 * DAY_MS);
}

/** Structural invariants that must hold for any size, seed and shape. */
function checkInvariants(p: DemoProvince, members: number): void {
  const { orgByKey, children, count, rankOf } = index(p);

  expect(p.tenant).toEqual({ code: 'MS', name: 'Đảng bộ tỉnh Minh Sơn' });
  expect(p.members).toHaveLength(members);

  // Levels: ranks 0..n-1, unique codes.
  expect(p.levels.map((l) => l.rank)).toEqual(p.levels.map((_, i) => i));
  expect(new Set(p.levels.map((l) => l.code)).size).toBe(p.levels.length);

  // Orgs: unique keys and codes, known kinds and levels, one root, parents exist, no cycles.
  expect(orgByKey.size).toBe(p.orgs.length);
  expect(new Set(p.orgs.map((o) => o.code)).size).toBe(p.orgs.length);
  const roots = p.orgs.filter((o) => o.parentKey === null);
  expect(roots).toHaveLength(1);
  expect(roots[0]).toMatchObject({ code: 'MS', kind: 'provincial_committee', levelCode: 'province' });
  for (const o of p.orgs) {
    expect(DEMO_ORG_KINDS).toContain(o.kind);
    expect(rankOf.has(o.levelCode)).toBe(true);
    expect(o.code).toMatch(/^MS(\.[A-Z]+\d*)*$/);
    expect(o.name.normalize('NFC')).toBe(o.name);
    if (o.parentKey !== null) {
      const parent = orgByKey.get(o.parentKey);
      expect(parent, `parent of ${o.key}`).toBeDefined();
      expect(rankOf.get(o.levelCode)!).toBeGreaterThan(rankOf.get(parent!.levelCode)!);
      expect(o.code.startsWith(`${parent!.code}.`)).toBe(true);
    }
  }
  // Acyclic, single tree: every org reaches the root.
  for (const o of p.orgs) {
    const seen = new Set<string>();
    let cur = o;
    while (cur.parentKey !== null) {
      expect(seen.has(cur.key)).toBe(false);
      seen.add(cur.key);
      cur = orgByKey.get(cur.parentKey)!;
    }
    expect(cur.key).toBe(roots[0].key);
  }

  // Leaves are exactly the member-holding orgs, and none is empty.
  for (const o of p.orgs) {
    const isLeaf = !children.has(o.key);
    expect(DEMO_MEMBER_HOLDING_KINDS.includes(o.kind as never), `${o.key} ${o.kind}`).toBe(isLeaf);
    if (isLeaf) expect(count.get(o.key) ?? 0, `members of ${o.key}`).toBeGreaterThan(0);
  }

  // Members.
  expect(new Set(p.members.map((m) => m.key)).size).toBe(members);
  const cards = p.members.flatMap((m) => (m.cardNumber ? [m.cardNumber] : []));
  for (const c of cards) expect(c).toMatch(CARD_NUMBER_PATTERN);
  expect(new Set(cards).size).toBe(cards.length);
  const ids = p.members.flatMap((m) => (m.personalId ? [m.personalId] : []));
  for (const c of ids) expect(c).toMatch(PERSONAL_ID_PATTERN);
  expect(new Set(ids).size).toBe(ids.length);
  const records = p.members.flatMap((m) => (m.recordNumber ? [m.recordNumber] : []));
  for (const r of records) expect(r).toMatch(/^\d{6}MS$/);
  expect(new Set(records).size).toBe(records.length);

  const secretaries = new Map<string, number>();
  for (const m of p.members) {
    const branch = orgByKey.get(m.branchKey);
    expect(branch && DEMO_MEMBER_HOLDING_KINDS.includes(branch.kind as never), `branch of ${m.key}`).toBe(true);
    expect(m.fullName.normalize('NFC')).toBe(m.fullName);
    expect(m.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
    expect(m.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const by = Number(m.birthDate!.slice(0, 4));
    expect(by).toBeGreaterThanOrEqual(1940);
    expect(by).toBeLessThanOrEqual(2004);
    if (m.birthYearOnly) expect(m.birthDate!.endsWith('-01-01')).toBe(true);
    expect(Date.parse(m.admissionDate!) - Date.parse(m.birthDate!)).toBeGreaterThanOrEqual(18 * 365 * DAY_MS);
    if (m.status === 'probationary') {
      expect(m.officialDate).toBeNull();
      expect(m.cardNumber).toBeNull();
      expect(REF_MS - Date.parse(m.admissionDate!)).toBeLessThanOrEqual(365 * DAY_MS);
      expect(REF_MS - Date.parse(m.admissionDate!)).toBeGreaterThanOrEqual(0);
    } else {
      const [y, mo, d] = m.admissionDate!.split('-');
      const expected = `${Number(y) + 1}-${mo}-${mo === '02' && d === '29' ? '28' : d}`;
      expect(m.officialDate).toBe(expected);
      expect(Date.parse(m.officialDate!)).toBeLessThanOrEqual(REF_MS);
    }
    if (m.phone) expect(m.phone).toMatch(/^09\d{8}$/);
    if (m.isExempt) expect(age(m.birthDate!)).toBeGreaterThan(75);
    if (m.partyPosition === 'Bí thư chi bộ') secretaries.set(m.branchKey, (secretaries.get(m.branchKey) ?? 0) + 1);
  }
  // One secretary per branch.
  for (const key of count.keys()) expect(secretaries.get(key), `secretary of ${key}`).toBe(1);
}

/** The accounts plan: existing orgs with the promised relations (strict: the promised sizes too). */
function checkPlan(p: DemoProvince, strict: boolean): void {
  const plan = demoAccountsPlan(p);
  const { orgByKey, children, count, ancestors } = index(p);
  for (const k of [plan.provinceKey, plan.districtLikeKey, plan.grassrootsKey, plan.branchKey]) expect(orgByKey.has(k), k).toBe(true);
  const member = p.members.find((m) => m.key === plan.memberKey);
  expect(member).toBeDefined();
  expect(member!.branchKey).toBe(plan.branchKey);
  expect(orgByKey.get(plan.provinceKey)!.parentKey).toBeNull();
  if (!strict) return;
  const district = orgByKey.get(plan.districtLikeKey)!;
  expect(district.parentKey).toBe(plan.provinceKey);
  const grassrootsUnder = (children.get(district.key) ?? []).filter((k) => orgByKey.get(k)!.levelCode === 'grassroots');
  expect(grassrootsUnder.length).toBeGreaterThanOrEqual(2);
  expect(orgByKey.get(plan.grassrootsKey)!.parentKey).toBe(plan.districtLikeKey);
  expect(orgByKey.get(plan.grassrootsKey)!.levelCode).toBe('grassroots');
  expect(orgByKey.get(plan.branchKey)!.kind).toBe('branch');
  expect(ancestors(plan.branchKey)).toContain(plan.districtLikeKey);
  expect(ancestors(plan.branchKey)).toContain(plan.grassrootsKey);
  expect(count.get(plan.branchKey)!).toBeGreaterThanOrEqual(10);
  expect(member!.fullName).toBe('Nguyễn Văn An');
  expect(member!.partyPosition).toBe('Đảng viên');
  expect(member!.isCommitteeMember).toBe(false);
}

describe('generateDemoProvince', () => {
  const shapes: DemoShape[] = ['current', 'legacy'];
  const byShape = Object.fromEntries(shapes.map((s) => [s, generateDemoProvince({ members: 20_000, seed: 1, shape: s })])) as Record<DemoShape, DemoProvince>;

  it('is deterministic: same options give deep-equal output, another seed another province', () => {
    const a = generateDemoProvince({ members: 3000, seed: 42, shape: 'current' });
    const b = generateDemoProvince({ members: 3000, seed: 42, shape: 'current' });
    expect(b).toEqual(a);
    const c = generateDemoProvince({ members: 3000, seed: 43, shape: 'current' });
    expect(c).not.toEqual(a);
    expect(c.members.map((m) => m.fullName)).not.toEqual(a.members.map((m) => m.fullName));
  });

  it.each(shapes)('%s: invariants hold for 20,000 members', (shape) => {
    checkInvariants(byShape[shape], 20_000);
  });

  it('current shape has no district level; legacy has one', () => {
    const cur = byShape.current;
    const leg = byShape.legacy;
    expect(cur.levels.map((l) => l.code)).toEqual(['province', 'upper_grassroots', 'grassroots', 'sub_grassroots', 'branch']);
    expect(cur.levels.some((l) => l.code === 'district')).toBe(false);
    expect(cur.orgs.some((o) => o.levelCode === 'district' || o.kind === 'district_committee')).toBe(false);
    expect(leg.levels.map((l) => l.code)).toContain('district');
    expect(leg.orgs.some((o) => o.kind === 'district_committee' && o.levelCode === 'district')).toBe(true);
    expect(leg.orgs.some((o) => o.kind === 'commune_committee')).toBe(false);

    const topNames = (p: DemoProvince) => p.orgs.filter((o) => o.parentKey === 'MS').map((o) => o.name);
    expect(topNames(cur)).toEqual(expect.arrayContaining(['Đảng bộ các cơ quan Đảng tỉnh', 'Đảng bộ Ủy ban nhân dân tỉnh', 'Đảng bộ Quân sự tỉnh', 'Đảng bộ Công an tỉnh']));
    expect(topNames(cur).some((n) => n.startsWith('Đảng bộ xã '))).toBe(true);
    expect(topNames(cur).some((n) => n.startsWith('Đảng bộ phường '))).toBe(true);
    expect(topNames(leg)).toEqual(expect.arrayContaining(['Đảng bộ Khối các cơ quan tỉnh', 'Đảng bộ Khối Doanh nghiệp tỉnh', 'Đảng bộ Quân sự tỉnh', 'Đảng bộ Công an tỉnh']));
    expect(topNames(leg).some((n) => n.startsWith('Đảng bộ huyện '))).toBe(true);
  });

  it('has variable depth: branches directly under communes, under grassroots orgs and under đảng bộ bộ phận', () => {
    const { orgByKey } = index(byShape.current);
    const parentKinds = new Set(byShape.current.orgs.filter((o) => o.kind === 'branch').map((o) => orgByKey.get(o.parentKey!)!.kind));
    expect(parentKinds).toEqual(new Set(['commune_committee', 'grassroots_committee', 'sub_committee']));
    expect(byShape.current.orgs.some((o) => o.kind === 'grassroots_branch')).toBe(true);
    expect(byShape.current.orgs.some((o) => o.name.startsWith('Chi bộ Hưu trí'))).toBe(true);
  });

  it('sizes the tree with the members (~50 members per leaf, roughly 400 orgs for 20,000)', () => {
    const p = byShape.current;
    const { count } = index(p);
    expect(p.orgs.length).toBeGreaterThan(300);
    expect(p.orgs.length).toBeLessThan(650);
    const sizes = [...count.values()];
    const mean = p.members.length / sizes.length;
    expect(mean).toBeGreaterThan(35);
    expect(mean).toBeLessThan(70);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(155);
  });

  it('contains several members named exactly "Nguyễn Văn An"', () => {
    for (const s of shapes) expect(byShape[s].members.filter((m) => m.fullName === 'Nguyễn Văn An').length).toBeGreaterThanOrEqual(3);
  });

  it.each(shapes)('%s: attribute distributions are plausible', (shape) => {
    const p = byShape[shape];
    const n = p.members.length;
    const share = (f: (m: (typeof p.members)[number]) => boolean) => p.members.filter(f).length / n;
    expect(share((m) => m.status === 'probationary')).toBeGreaterThan(0.02);
    expect(share((m) => m.status === 'probationary')).toBeLessThan(0.1);
    expect(share((m) => m.gender === 'male')).toBeGreaterThan(0.52);
    expect(share((m) => m.gender === 'male')).toBeLessThan(0.68);
    expect(share((m) => m.cardNumber !== null)).toBeGreaterThan(0.9);
    expect(share((m) => m.cardNumber !== null)).toBeLessThan(0.99);
    expect(share((m) => m.birthYearOnly)).toBeGreaterThan(0.005);
    expect(share((m) => m.birthYearOnly)).toBeLessThan(0.05);
    expect(share((m) => m.ethnicity === 'Kinh')).toBeGreaterThan(0.7);
    expect(share((m) => m.ethnicity === 'Kinh')).toBeLessThan(0.98);
    expect(share((m) => m.religion === 'Không')).toBeGreaterThan(0.8);
    expect(share((m) => m.isRemoteArea)).toBeGreaterThan(0.03);
    expect(share((m) => m.isRemoteArea)).toBeLessThan(0.25);
    expect(share((m) => m.email !== null)).toBeGreaterThan(0.05);
    expect(share((m) => m.email !== null)).toBeLessThan(0.6);
    expect(share((m) => m.isCommitteeMember)).toBeGreaterThan(0.03);
    expect(share((m) => m.isHeadOfUnit)).toBeGreaterThan(0.005);

    // Remote-area members live in mountain communes, where minorities are many.
    const remote = p.members.filter((m) => m.isRemoteArea);
    expect(remote.filter((m) => m.ethnicity !== 'Kinh').length / remote.length).toBeGreaterThan(0.5);
    expect(new Set(remote.map((m) => m.ethnicity))).toEqual(new Set(['Kinh', 'Tày', 'Thái', 'Mường', "H'Mông", 'Dao', 'Nùng']));

    // About 40% of members over 75 are exempt.
    const old = p.members.filter((m) => age(m.birthDate!) > 75.5);
    const exempt = old.filter((m) => m.isExempt).length / old.length;
    expect(exempt).toBeGreaterThan(0.3);
    expect(exempt).toBeLessThan(0.5);

    // Every theory level occurs, and none dominates completely.
    for (const level of ['so_cap', 'trung_cap', 'cao_cap', 'cu_nhan', null]) expect(share((m) => m.theoryLevel === level)).toBeGreaterThan(0.005);
    expect(share((m) => m.theoryLevel === 'so_cap')).toBeLessThan(0.7);

    // Workplaces follow the branch.
    const { orgByKey } = index(p);
    const inBranch = (re: RegExp) => p.members.filter((m) => re.test(orgByKey.get(m.branchKey)!.name));
    const retired = inBranch(/^Chi bộ Hưu trí/);
    expect(retired.length).toBeGreaterThan(0);
    for (const m of retired) {
      expect(m.workplaceKind).toBe('retired');
      expect(age(m.birthDate!)).toBeGreaterThanOrEqual(59);
    }
    const police = p.members.filter((m) => m.branchKey.startsWith('MS.CA.'));
    expect(police.length).toBeGreaterThan(0);
    for (const m of police) expect(m.workplaceKind).toBe('armed_forces');
    const companies = p.members.filter((m) => /Công ty (Cổ phần|TNHH) /.test(orgByKey.get(orgByKey.get(m.branchKey)!.parentKey!)!.name + ' ' + orgByKey.get(m.branchKey)!.name));
    expect(companies.length).toBeGreaterThan(0);
    for (const m of companies) expect(['non_state_enterprise', 'foreign_invested_enterprise', 'state_enterprise']).toContain(m.workplaceKind);

    // Retired members are old; probationary ones were admitted within a year (checked in the invariants).
    const retiredAges = retired.map((m) => age(m.birthDate!));
    expect(retiredAges.reduce((a, b) => a + b, 0) / retiredAges.length).toBeGreaterThan(65);
  });

  it('uses invented place names only', () => {
    const real = ['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Long An', 'Hòa Bình', 'Thái Bình', 'Nam Định', 'Bình Định', 'Phú Thọ', 'Sơn La'];
    for (const s of shapes) {
      for (const o of byShape[s].orgs) for (const r of real) expect(o.name.includes(r), o.name).toBe(false);
    }
  });

  it.each(shapes)('%s: the accounts plan points to suitable orgs and an ordinary "Nguyễn Văn An"', (shape) => {
    checkPlan(byShape[shape], true);
  });

  it('handles tiny provinces', () => {
    for (const s of shapes) {
      for (const n of [1, 7, 30]) {
        const p = generateDemoProvince({ members: n, seed: 3, shape: s });
        checkInvariants(p, n);
        checkPlan(p, false);
      }
    }
  });

  it('rejects bad options', () => {
    expect(() => generateDemoProvince({ members: 0, seed: 1, shape: 'current' })).toThrow(RangeError);
    expect(() => generateDemoProvince({ members: 1.5, seed: 1, shape: 'current' })).toThrow(RangeError);
    expect(() => generateDemoProvince({ members: 10, seed: Number.NaN, shape: 'current' })).toThrow(RangeError);
    expect(() => generateDemoProvince({ members: 10, seed: 1, shape: 'x' as DemoShape })).toThrow(RangeError);
  });

  it('property: invariants and the accounts plan hold for any size and seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 3000 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.constantFrom<DemoShape>('current', 'legacy'),
        (members, seed, shape) => {
          const p = generateDemoProvince({ members, seed, shape });
          checkInvariants(p, members);
          // Below ~500 members a commune may hold a single grassroots org (22 seeds in 150 at 300); from 500 none in 900 seeds.
          checkPlan(p, members >= 500);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('generates 500,000 members quickly with ~10,000 orgs', () => {
    const t0 = performance.now();
    const p = generateDemoProvince({ members: 500_000, seed: 2026, shape: 'current' });
    const ms = performance.now() - t0;
    expect(p.members).toHaveLength(500_000);
    expect(p.orgs.length).toBeGreaterThan(7000);
    expect(p.orgs.length).toBeLessThan(14_000);
    expect(ms).toBeLessThan(20_000); // ~1–2 s on a laptop; generous for slow CI
    const cards = new Set<string>();
    for (const m of p.members) if (m.cardNumber) cards.add(m.cardNumber);
    expect(cards.size).toBe(p.members.filter((m) => m.cardNumber).length);
  });
});
