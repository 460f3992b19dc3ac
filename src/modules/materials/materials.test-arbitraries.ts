import { fc } from '@fast-check/vitest';
import { AUDIENCE_FIELDS, type AudienceDef, type AudienceField, type AudienceMember } from './materials.audience.js';
import type { AudienceClause } from './materials.table.js';

/** Random members and audience rules for the property tests (JS evaluator, and JS vs SQL). */

const LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằầấậèẻéẹềếệìỉíịòỏóọồốộờớợùủúụừứựỳýAĂÂĐÊÔƠƯHKT';
const wordArb = fc.string({ unit: fc.constantFrom(...LETTERS.split('')), minLength: 1, maxLength: 5 });
const SEPARATORS = [' ', '  ', '-', ', ', ' – ', '(', ')', '.'];
/** Free text in Vietnamese letters with spaces and punctuation, sometimes typed in NFD. */
export const textArb = fc.tuple(fc.array(wordArb, { minLength: 0, maxLength: 4 }), fc.array(fc.constantFrom(...SEPARATORS), { minLength: 4, maxLength: 4 }), fc.boolean())
  .map(([words, seps, nfd]) => {
    const s = words.map((w, i) => w + (i < words.length - 1 ? seps[i] : '')).join('');
    return nfd ? s.normalize('NFD') : s;
  });

const ETHNICITIES = ['Kinh', 'kinh', 'KINH', 'Tày', 'Mường', 'Ê-đê', 'Cơ Tu', 'Xơ Đăng', 'Hrê', '', ' '];
const POSITIONS = ['Bí thư Chi đoàn', 'Chi hội trưởng Hội Nông dân', 'Chủ tịch Công đoàn cơ sở', 'Trưởng Ban công tác Mặt trận',
  'Trưởng khối phố', 'Phó Chủ tịch Ủy ban nhân dân', 'Chuyên viên', 'CHỦ TỊCH HỘI CỰU CHIẾN BINH', 'Thôi việc'];
const WORKPLACES = ['state_agency', 'non_state_enterprise', 'foreign_invested_enterprise', 'retired', 'other'];

const textValue = (known: string[]) => fc.option(fc.oneof(fc.constantFrom(...known), textArb), { nil: null });

export const memberArb: fc.Arbitrary<AudienceMember> = fc.record({
  ethnicity: textValue(ETHNICITIES),
  workPosition: textValue(POSITIONS),
  partyPosition: textValue(['Bí thư chi bộ', 'Chi ủy viên', 'Đảng viên']),
  workplaceKind: textValue(WORKPLACES),
  religion: textValue(['Không', 'Phật giáo', 'Công giáo']),
  isRemoteArea: fc.boolean(),
  isHeadOfUnit: fc.boolean(),
  isCommitteeMember: fc.boolean(),
  isExempt: fc.boolean(),
});

const TEXT_FIELDS = (Object.keys(AUDIENCE_FIELDS) as AudienceField[]).filter((f) => AUDIENCE_FIELDS[f].type === 'text' && ['ethnicity', 'workPosition', 'partyPosition', 'workplaceKind', 'religion'].includes(f));
const BOOL_FIELDS = ['isRemoteArea', 'isHeadOfUnit', 'isCommitteeMember', 'isExempt'];
const valuesArb = fc.array(fc.oneof(fc.constantFrom('Kinh', 'Hội', 'Đoàn', 'Công đoàn', 'Mặt trận', 'non_state_enterprise', 'Bí thư', 'Tày'), textArb), { minLength: 0, maxLength: 3 });

export const clauseArb: fc.Arbitrary<AudienceClause> = fc.oneof(
  fc.record({
    field: fc.uniqueArray(fc.constantFrom(...TEXT_FIELDS), { minLength: 1, maxLength: 2 }).map((fs) => fs.join('|')),
    op: fc.constantFrom('in' as const, 'not_in' as const, 'contains_any' as const, 'not_empty' as const),
    values: valuesArb,
  }),
  fc.record({ field: fc.uniqueArray(fc.constantFrom(...BOOL_FIELDS), { minLength: 1, maxLength: 2 }).map((fs) => fs.join('|')), op: fc.constant('is_true' as const) }),
);

export const audienceArb = (code: string): fc.Arbitrary<AudienceDef> => fc.record({
  code: fc.constant(code), name: fc.constant(code), priority: fc.integer({ min: 0, max: 5 }), isPublic: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  rule: fc.array(clauseArb, { minLength: 0, maxLength: 3 }),
});

export const audiencesArb = fc.uniqueArray(fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5'), { minLength: 0, maxLength: 5 })
  .chain((codes) => fc.tuple(...codes.map(audienceArb)));
