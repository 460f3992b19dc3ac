import { searchKey } from '../../text/index.js';
import type { AudienceClause } from './materials.table.js';

/**
 * Audiences as data, evaluated as a pure function. A rule is a list of clauses that must ALL hold
 * (AND). A clause may name several fields separated by `|` ("isHeadOfUnit|isCommitteeMember"): it
 * then holds when it holds for ANY of them (OR), which is how "cadres: head of unit or committee
 * member" is written without nesting. Text is compared by match key: accents, case and punctuation
 * ignored, so "Hội", "hoi" and "HỘI" are the same word. The same semantics are compiled to SQL in
 * materials.audience-sql.ts; a property test keeps the two in agreement.
 */

export const AUDIENCE_OPS = ['in', 'not_in', 'is_true', 'contains_any', 'not_empty'] as const;
export type AudienceOp = AudienceClause['op'];

/** The member attributes a rule may name: camelCase name → column and type. */
export const AUDIENCE_FIELDS = {
  ethnicity: { column: 'ethnicity', type: 'text', label: 'Dân tộc' },
  religion: { column: 'religion', type: 'text', label: 'Tôn giáo' },
  gender: { column: 'gender', type: 'text', label: 'Giới tính' },
  status: { column: 'status', type: 'text', label: 'Chính thức / dự bị' },
  homeTown: { column: 'home_town', type: 'text', label: 'Quê quán' },
  qualification: { column: 'qualification', type: 'text', label: 'Trình độ chuyên môn' },
  theoryLevel: { column: 'theory_level', type: 'text', label: 'Lý luận chính trị' },
  workplaceKind: { column: 'workplace_kind', type: 'text', label: 'Nơi làm việc' },
  partyPosition: { column: 'party_position', type: 'text', label: 'Chức vụ Đảng' },
  workPosition: { column: 'work_position', type: 'text', label: 'Chức vụ chính quyền, đoàn thể' },
  isRemoteArea: { column: 'is_remote_area', type: 'boolean', label: 'Vùng sâu, vùng xa' },
  isHeadOfUnit: { column: 'is_head_of_unit', type: 'boolean', label: 'Người đứng đầu' },
  isCommitteeMember: { column: 'is_committee_member', type: 'boolean', label: 'Cấp ủy viên' },
  isExempt: { column: 'is_exempt', type: 'boolean', label: 'Miễn sinh hoạt' },
} as const satisfies Record<string, { column: string; type: 'text' | 'boolean'; label: string }>;
export type AudienceField = keyof typeof AUDIENCE_FIELDS;

/** What the evaluator reads of a member: any subset of the attributes above. */
export type AudienceMember = Partial<Record<AudienceField, string | boolean | null>>;

export interface AudienceDef { code: string; name: string; rule: AudienceClause[]; priority: number; isPublic: boolean }

/** "Chi hội trưởng Hội Nông dân" → "chi hoi truong hoi nong dan": the form every comparison uses. */
export function matchKey(value: string): string {
  return searchKey(value).replace(/[^a-z0-9]+/g, ' ').trim();
}

export function clauseFields(clause: AudienceClause): AudienceField[] {
  return clause.field.split('|').map((f) => f.trim()) as AudienceField[];
}

/** The clause's values as match keys, blanks dropped. */
export function clauseKeys(clause: AudienceClause): string[] {
  return [...new Set((clause.values ?? []).map(matchKey).filter((k) => k !== ''))];
}

function holdsFor(value: string | boolean | null | undefined, op: AudienceOp, keys: string[]): boolean {
  if (op === 'is_true') return value === true;
  const key = typeof value === 'string' ? matchKey(value) : '';
  switch (op) {
    case 'not_empty': return key !== '';
    case 'in': return key !== '' && keys.includes(key);
    case 'not_in': return !keys.includes(key);
    case 'contains_any': return key !== '' && keys.some((k) => ` ${key} `.includes(` ${k} `));
  }
}

export function clauseHolds(member: AudienceMember, clause: AudienceClause): boolean {
  const keys = clauseKeys(clause);
  return clauseFields(clause).some((f) => holdsFor(member[f], clause.op, keys));
}

/** A member fits an audience when every clause holds. Public audiences (people outside the Party) and empty rules fit no member. */
export function matchesAudience(member: AudienceMember, audience: Pick<AudienceDef, 'rule' | 'isPublic'>): boolean {
  if (audience.isPublic || audience.rule.length === 0) return false;
  return audience.rule.every((c) => clauseHolds(member, c));
}

/** Lower priority number first; equal priorities by code, so the order never depends on insertion. */
export function byPriority<T extends Pick<AudienceDef, 'priority' | 'code'>>(a: T, b: T): number {
  return a.priority - b.priority || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * The version of a material a member should read: the variant of the first audience (by priority)
 * that the member fits and that has a variant; the master when there is none.
 */
export function resolveVersion<M>(member: AudienceMember, audiences: AudienceDef[], master: M, variantsByAudience: Map<string, M>): { material: M; audienceCode: string | null } {
  for (const audience of [...audiences].sort(byPriority)) {
    const variant = variantsByAudience.get(audience.code);
    if (variant !== undefined && matchesAudience(member, audience)) return { material: variant, audienceCode: audience.code };
  }
  return { material: master, audienceCode: null };
}

const TEXT_OPS: readonly AudienceOp[] = ['in', 'not_in', 'contains_any', 'not_empty'];
const OP_LABELS: Record<AudienceOp, string> = {
  in: 'thuộc danh sách', not_in: 'không thuộc danh sách', is_true: 'có', contains_any: 'có chứa từ', not_empty: 'có ghi',
};

/** What is wrong with a rule, in Vietnamese, one message per clause (empty when the rule is sound). */
export function checkRule(rule: AudienceClause[], isPublic: boolean): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (rule.length === 0 && !isPublic) issues.push({ path: 'rule', message: 'Điều kiện: cần ít nhất một điều kiện về đảng viên' });
  rule.forEach((clause, i) => {
    const message = checkClause(clause);
    if (message) issues.push({ path: `rule.${i}`, message: `Điều kiện ${i + 1}: ${message}` });
  });
  return issues;
}

function checkClause(clause: AudienceClause): string | null {
  const fields = clauseFields(clause);
  const unknown = fields.find((f) => !(f in AUDIENCE_FIELDS));
  if (unknown !== undefined) return `không có thông tin đảng viên "${unknown}"`;
  const types = new Set(fields.map((f) => AUDIENCE_FIELDS[f].type));
  if (types.size > 1) return 'các thông tin trong cùng một điều kiện phải cùng kiểu';
  const type = [...types][0];
  if (type === 'boolean' && clause.op !== 'is_true') return `thông tin "${AUDIENCE_FIELDS[fields[0]].label}" chỉ dùng được với phép "${OP_LABELS.is_true}"`;
  if (type === 'text' && !TEXT_OPS.includes(clause.op)) return `thông tin "${AUDIENCE_FIELDS[fields[0]].label}" không dùng được với phép "${OP_LABELS[clause.op]}"`;
  const needsValues = clause.op === 'in' || clause.op === 'not_in' || clause.op === 'contains_any';
  if (needsValues && clauseKeys(clause).length === 0) return `phép "${OP_LABELS[clause.op]}" cần ít nhất một giá trị`;
  return null;
}
