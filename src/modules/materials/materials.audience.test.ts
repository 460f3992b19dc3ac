import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { byPriority, checkRule, matchesAudience, matchKey, resolveVersion, type AudienceDef, type AudienceMember } from './materials.audience.js';
import { DEFAULT_AUDIENCES } from './materials.defaults.js';
import { audiencesArb, memberArb, textArb } from './materials.test-arbitraries.js';

const audience = (code: string) => DEFAULT_AUDIENCES.find((a) => a.code === code)!;
const fits = (code: string, member: AudienceMember) => matchesAudience(member, audience(code));

describe('default audiences (seed 001)', () => {
  it('ethnic-minority members: any ethnicity written other than Kinh, however it is typed', () => {
    expect(fits('dan_toc_thieu_so', { ethnicity: 'Ê-đê' })).toBe(true);
    expect(fits('dan_toc_thieu_so', { ethnicity: 'Cơ Tu' })).toBe(true);
    for (const kinh of ['Kinh', 'kinh', 'KINH', ' Kinh ']) expect(fits('dan_toc_thieu_so', { ethnicity: kinh })).toBe(false);
    expect(fits('dan_toc_thieu_so', { ethnicity: null })).toBe(false);
    expect(fits('dan_toc_thieu_so', { ethnicity: '  ' })).toBe(false);
  });

  it('remote areas, enterprises, cadres by their flags and workplace', () => {
    expect(fits('vung_sau_vung_xa', { isRemoteArea: true })).toBe(true);
    expect(fits('vung_sau_vung_xa', { isRemoteArea: false })).toBe(false);
    expect(fits('doanh_nghiep', { workplaceKind: 'foreign_invested_enterprise' })).toBe(true);
    expect(fits('doanh_nghiep', { workplaceKind: 'state_enterprise' })).toBe(false);
    expect(fits('can_bo', { isHeadOfUnit: true, isCommitteeMember: false })).toBe(true);
    expect(fits('can_bo', { isHeadOfUnit: false, isCommitteeMember: true })).toBe(true);
    expect(fits('can_bo', { isHeadOfUnit: false, isCommitteeMember: false })).toBe(false);
  });

  it('association members by whole words of their position, without accents or case', () => {
    for (const p of ['Bí thư Chi đoàn', 'Chi hội trưởng Hội Nông dân', 'CHỦ TỊCH CÔNG ĐOÀN', 'Trưởng Ban công tác Mặt trận', 'chu tich hoi phu nu']) {
      expect(fits('doan_the', { workPosition: p })).toBe(true);
    }
    // "Khối" folds to "khoi", which holds the letters of "hoi" but not the word.
    for (const p of ['Trưởng khối phố', 'Thôi việc', 'Chuyên viên', null]) expect(fits('doan_the', { workPosition: p })).toBe(false);
  });

  it('the public audience is for people outside the Party: no member fits it', () => {
    expect(fits('nhan_dan', { ethnicity: 'Kinh', isHeadOfUnit: true })).toBe(false);
  });

  it('every default rule is sound', () => {
    for (const a of DEFAULT_AUDIENCES) expect(checkRule(a.rule, a.isPublic)).toEqual([]);
  });
});

describe('checkRule', () => {
  it('names what is wrong, in Vietnamese', () => {
    expect(checkRule([], false)).toEqual([{ path: 'rule', message: 'Điều kiện: cần ít nhất một điều kiện về đảng viên' }]);
    expect(checkRule([{ field: 'salary', op: 'in', values: ['1'] }], false)[0].message).toBe('Điều kiện 1: không có thông tin đảng viên "salary"');
    expect(checkRule([{ field: 'isRemoteArea', op: 'in', values: ['x'] }], false)[0].message).toContain('chỉ dùng được với phép "có"');
    expect(checkRule([{ field: 'ethnicity', op: 'is_true' }], false)[0].message).toContain('không dùng được');
    expect(checkRule([{ field: 'ethnicity', op: 'in', values: [' ', '–'] }], false)[0].message).toContain('cần ít nhất một giá trị');
    expect(checkRule([{ field: 'ethnicity|isRemoteArea', op: 'not_empty' }], false)[0].message).toContain('cùng kiểu');
    expect(checkRule([], true)).toEqual([]);
  });
});

describe('matchKey properties', () => {
  test.prop([textArb])('ignores case, accents and NFC/NFD form', (s) => {
    expect(matchKey(s.toUpperCase())).toBe(matchKey(s));
    expect(matchKey(s.normalize('NFD'))).toBe(matchKey(s.normalize('NFC')));
    expect(matchKey(matchKey(s))).toBe(matchKey(s));
    expect(matchKey(s)).toMatch(/^([a-z0-9]+( [a-z0-9]+)*)?$/);
  });
});

const MASTER = 'master';
const variantsFor = (codes: string[]) => new Map(codes.map((c) => [c, `variant:${c}`]));

describe('resolveVersion properties', () => {
  test.prop([memberArb, audiencesArb, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 })])(
    'gives the variant of the first fitting audience by priority, else the master',
    (member, audiences, has) => {
      const withVariant = audiences.filter((_, i) => has[i]).map((a) => a.code);
      const { material, audienceCode } = resolveVersion(member, audiences, MASTER, variantsFor(withVariant));
      const eligible = [...audiences].sort(byPriority).filter((a) => withVariant.includes(a.code) && matchesAudience(member, a));
      if (eligible.length === 0) {
        expect(material).toBe(MASTER); // a member fitting no audience with a variant reads the master
        expect(audienceCode).toBeNull();
      } else {
        expect(audienceCode).toBe(eligible[0].code);
        expect(material).toBe(`variant:${eligible[0].code}`);
        const chosen = audiences.find((a) => a.code === audienceCode)!;
        for (const other of eligible) expect(other.priority).toBeGreaterThanOrEqual(chosen.priority);
      }
    });

  test.prop([memberArb, audiencesArb, fc.integer({ min: 0, max: 1000 })])('does not depend on the order audiences are listed in', (member, audiences, seed) => {
    const shuffled = [...audiences].sort((a, b) => ((a.code.charCodeAt(1) * seed) % 7) - ((b.code.charCodeAt(1) * seed) % 7));
    const variants = variantsFor(audiences.map((a) => a.code));
    expect(resolveVersion(member, shuffled, MASTER, variants)).toEqual(resolveVersion(member, audiences, MASTER, variants));
  });

  test.prop([memberArb, audiencesArb])('a variant for an audience the member does not fit never changes what they read', (member, audiences) => {
    const fitting = audiences.filter((a) => matchesAudience(member, a)).map((a) => a.code);
    const notFitting = audiences.filter((a) => !matchesAudience(member, a)).map((a) => a.code);
    const base = resolveVersion(member, audiences, MASTER, variantsFor(fitting));
    expect(resolveVersion(member, audiences, MASTER, variantsFor([...fitting, ...notFitting]))).toEqual(base);
  });

  test.prop([audiencesArb])('a member with no attributes set reads the master unless a rule asks only for emptiness', (audiences: AudienceDef[]) => {
    const blank: AudienceMember = {};
    const onlyNegative = (a: AudienceDef) => a.rule.every((c) => c.op === 'not_in');
    const { material } = resolveVersion(blank, audiences, MASTER, variantsFor(audiences.map((a) => a.code)));
    if (!audiences.some((a) => !a.isPublic && a.rule.length > 0 && onlyNegative(a))) expect(material).toBe(MASTER);
  });
});
