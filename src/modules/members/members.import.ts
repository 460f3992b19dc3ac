import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { newId } from '../../kernel/db/columns.js';
import { queryRows, type Db, type Executor } from '../../kernel/db/client.js';
import { searchKey } from '../../text/index.js';
import { hasActiveChildren, listLeavesUnder, lockTree, type OrgRow } from '../org/index.js';
import type { MemberAttributes, ParsedMemberRow } from './members.fields.js';
import type { SheetIssue, SheetParseResult } from './members.import-parse.js';

/** What an import would do, computed without writing: the preview shown before the commit. */
export interface ImportPlan {
  rows: number;
  created: number;
  updated: number;
  errors: SheetIssue[];
  warnings: SheetIssue[];
  inserts: Array<MemberAttributes & { id: string; branchId: string }>;
  updates: Array<{ id: string; branchId: string; fields: Array<keyof MemberAttributes>; values: Partial<MemberAttributes>; changed: Record<string, unknown> }>;
}

export interface ImportResult { rows: number; created: number; updated: number; errors: SheetIssue[]; warnings: SheetIssue[] }

const ATTRIBUTE_KEYS: Array<keyof MemberAttributes> = [
  'fullName', 'gender', 'birthDate', 'birthYearOnly', 'homeTown', 'ethnicity', 'religion', 'cardNumber', 'recordNumber', 'status',
  'admissionDate', 'officialDate', 'qualification', 'theoryLevel', 'partyPosition', 'workPosition', 'personalId', 'workplaceKind',
  'isRemoteArea', 'isExempt', 'isHeadOfUnit', 'isCommitteeMember', 'phone', 'email',
];
const COLUMN_OF: Record<keyof MemberAttributes | 'branchId', string> = {
  fullName: 'full_name', gender: 'gender', birthDate: 'birth_date', birthYearOnly: 'birth_year_only', homeTown: 'home_town',
  ethnicity: 'ethnicity', religion: 'religion', cardNumber: 'card_number', recordNumber: 'record_number', status: 'status',
  admissionDate: 'admission_date', officialDate: 'official_date', qualification: 'qualification', theoryLevel: 'theory_level',
  partyPosition: 'party_position', workPosition: 'work_position', personalId: 'personal_id', workplaceKind: 'workplace_kind',
  isRemoteArea: 'is_remote_area', isExempt: 'is_exempt', isHeadOfUnit: 'is_head_of_unit', isCommitteeMember: 'is_committee_member',
  phone: 'phone', email: 'email', branchId: 'branch_id',
};
const SQL_TYPE: Partial<Record<keyof typeof COLUMN_OF, string>> = {
  birthDate: 'date', admissionDate: 'date', officialDate: 'date', birthYearOnly: 'boolean', isRemoteArea: 'boolean',
  isExempt: 'boolean', isHeadOfUnit: 'boolean', isCommitteeMember: 'boolean', branchId: 'uuid',
};

const branchKey = (name: string) => searchKey(name).replace(/^chi bo\s+/, '');

/**
 * Matches each sheet row to a branch under the target and to an existing member (by card number,
 * else by name + birth date + branch), and names every problem by row and column.
 */
export async function planImport(exec: Executor, actor: Actor, target: OrgRow, parsed: SheetParseResult): Promise<ImportPlan> {
  await requireAccess(exec, actor, 'member.manage', target.id);
  const errors: SheetIssue[] = [...parsed.errors];
  if (target.status !== 'active') {
    errors.push({ row: 0, column: '', message: `${target.name} đã giải thể hoặc sáp nhập, không thể nhập đảng viên vào đây` });
  }
  const targetIsLeaf = !(await hasActiveChildren(exec, actor.tenantId, target.id));
  const leaves = await listLeavesUnder(exec, actor.tenantId, target.id);
  const byCode = new Map(leaves.map((l) => [l.code.toLowerCase(), l.id]));
  const byName = new Map<string, string | null>();
  for (const l of leaves) byName.set(branchKey(l.name), byName.has(branchKey(l.name)) ? null : l.id); // null: ambiguous

  const placed: Array<{ row: ParsedMemberRow; branchId: string }> = [];
  for (const row of parsed.rows) {
    const branchId = resolveBranch(row, { targetIsLeaf, targetId: target.id, byCode, byName, errors });
    if (branchId) placed.push({ row, branchId });
  }

  const cards = placed.map((p) => p.row.cardNumber).filter((c): c is string => !!c);
  const byCard = new Map<string, { id: string; branchId: string } & Record<string, unknown>>();
  if (cards.length) {
    const found = await queryRows<{ id: string; branchId: string; cardNumber: string }>(exec, sql`
      select m.*, m.id, m.branch_id as "branchId", m.card_number as "cardNumber" from members m
      where m.tenant_id = ${actor.tenantId} and m.card_number in (select jsonb_array_elements_text(${JSON.stringify(cards)}::jsonb))`);
    for (const f of found) byCard.set(f.cardNumber, f as never);
  }
  const existingInTarget = await queryRows<Record<string, unknown> & { id: string; branchId: string; nameKey: string; birthDate: string | null; cardNumber: string | null }>(exec, sql`
    select m.*, m.branch_id as "branchId", m.name_key as "nameKey", m.birth_date as "birthDate", m.card_number as "cardNumber" from members m
    where m.tenant_id = ${actor.tenantId} and m.left_at is null and m.branch_id in (
      select descendant_id from org_closure where tenant_id = ${actor.tenantId} and ancestor_id = ${target.id}::uuid)`);
  const byIdentity = new Map(existingInTarget.map((m) => [`${m.nameKey}|${m.birthDate ?? ''}|${m.branchId}`, m]));

  // Member rows found: the valid ones plus every row the parser turned away with an error.
  const rowsFound = parsed.rows.length + new Set(parsed.errors.filter((e) => e.row > 0).map((e) => e.row)).size;
  const plan: ImportPlan = { rows: rowsFound, created: 0, updated: 0, errors, warnings: [...parsed.warnings], inserts: [], updates: [] };
  const seen = new Set<string>();
  for (const { row, branchId } of placed) {
    const attrs = pickAttributes(row);
    // Card number first; else name + birth date + branch, which also catches a member first imported
    // without a card whose card number the sheet now gives.
    const byPerson = byIdentity.get(`${searchKey(row.fullName)}|${row.birthDate ?? ''}|${branchId}`);
    const match = (row.cardNumber ? byCard.get(row.cardNumber) : undefined)
      ?? (byPerson && (!byPerson.cardNumber || byPerson.cardNumber === row.cardNumber) ? byPerson : undefined);
    if (match && seen.has(match.id)) {
      errors.push({ row: row.row, column: 'Họ và tên', message: `Đảng viên ${row.fullName} xuất hiện hai lần trong tệp` });
      continue;
    }
    if (match) {
      seen.add(match.id);
      if (match.branchId !== branchId && !(await can(exec, actor, 'member.manage', match.branchId))) {
        errors.push({ row: row.row, column: 'Số thẻ đảng viên', message: `Số thẻ ${row.cardNumber} đã thuộc về một đảng viên ở tổ chức ngoài phạm vi quản lý của bạn` });
        continue;
      }
      // Only what the sheet has columns for: fields it does not carry keep their values on record.
      const carried = Object.fromEntries(parsed.fields.map((f) => [f, attrs[f]])) as Partial<MemberAttributes>;
      plan.updates.push({ id: match.id, branchId, fields: parsed.fields, values: carried, changed: diff(match, { ...carried, branchId }) });
    } else {
      plan.inserts.push({ ...attrs, id: newId(), branchId });
    }
  }
  plan.created = plan.inserts.length;
  plan.updated = plan.updates.length;
  errors.sort((a, b) => a.row - b.row);
  return plan;
}

function resolveBranch(row: ParsedMemberRow, ctx: {
  targetIsLeaf: boolean; targetId: string; byCode: Map<string, string>; byName: Map<string, string | null>; errors: SheetIssue[];
}): string | null {
  if (!row.branch) {
    if (ctx.targetIsLeaf) return ctx.targetId;
    ctx.errors.push({ row: row.row, column: 'Chi bộ', message: 'Chưa ghi chi bộ: tệp không có cột "Chi bộ" thì phải nhập vào một chi bộ cụ thể' });
    return null;
  }
  const id = ctx.byCode.get(row.branch.trim().toLowerCase()) ?? ctx.byName.get(branchKey(row.branch));
  if (id) return id;
  if (ctx.targetIsLeaf && branchKey(row.branch) === '') return ctx.targetId;
  const reason = ctx.byName.get(branchKey(row.branch)) === null ? 'có nhiều chi bộ trùng tên, hãy ghi mã chi bộ' : 'không có trong tổ chức được chọn';
  ctx.errors.push({ row: row.row, column: 'Chi bộ', message: `Chi bộ "${row.branch}" ${reason}` });
  return null;
}

function pickAttributes(row: ParsedMemberRow): MemberAttributes {
  const out = {} as Record<string, unknown>;
  for (const key of ATTRIBUTE_KEYS) out[key] = row[key];
  return out as unknown as MemberAttributes;
}

function diff(existing: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const column = COLUMN_OF[key as keyof typeof COLUMN_OF];
    const before = existing[column] ?? existing[key] ?? null;
    if ((before ?? null) !== (value ?? null)) changed[key] = { from: before ?? null, to: value ?? null };
  }
  return changed;
}

/** Writes a plan in the caller's transaction: bulk insert and bulk update through jsonb_to_recordset. */
export async function applyImport(tx: Executor, actor: Actor, plan: ImportPlan, meta: { fileName: string; fileHash?: string; targetOrgId: string }) {
  const keys = [...ATTRIBUTE_KEYS, 'branchId'] as Array<keyof typeof COLUMN_OF>;
  const recordType = sql.raw(['id uuid', ...keys.map((k) => `${COLUMN_OF[k]} ${SQL_TYPE[k] ?? 'text'}`)].join(', '));
  const columns = sql.raw(keys.map((k) => COLUMN_OF[k]).join(', '));
  const toRecord = (m: object) => {
    const src = m as Record<string, unknown>;
    const r: Record<string, unknown> = { id: src.id };
    for (const k of keys) r[COLUMN_OF[k]] = src[k] ?? null;
    return r;
  };
  for (let i = 0; i < plan.inserts.length; i += 5000) {
    const batch = plan.inserts.slice(i, i + 5000).map((m) => ({ ...toRecord(m), name_key: searchKey(m.fullName) }));
    await tx.execute(sql`insert into members (tenant_id, id, name_key, ${columns})
      select ${actor.tenantId}::uuid, x.id, x.name_key, ${columns}
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(${recordType}, name_key text)`);
  }
  const changedRows = plan.updates.filter((u) => Object.keys(u.changed).length > 0);
  // Rows of one sheet share their set of columns; update exactly those (and the branch).
  const updateKeys = [...(changedRows[0]?.fields ?? []), 'branchId'] as Array<keyof typeof COLUMN_OF>;
  const updateType = sql.raw(['id uuid', ...updateKeys.map((k) => `${COLUMN_OF[k]} ${SQL_TYPE[k] ?? 'text'}`), 'name_key text'].join(', '));
  const assignments = sql.raw([...updateKeys.map((k) => `${COLUMN_OF[k]} = x.${COLUMN_OF[k]}`), 'name_key = x.name_key', 'updated_at = now()'].join(', '));
  for (let i = 0; i < changedRows.length; i += 5000) {
    const batch = changedRows.slice(i, i + 5000).map((u) => {
      const r: Record<string, unknown> = { id: u.id, name_key: searchKey(u.values.fullName ?? '') };
      for (const k of updateKeys) r[COLUMN_OF[k]] = k === 'branchId' ? u.branchId : (u.values[k as keyof MemberAttributes] ?? null);
      return r;
    });
    await tx.execute(sql`update members m set ${assignments}
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(${updateType})
      where m.tenant_id = ${actor.tenantId}::uuid and m.id = x.id`);
  }
  await recordAudit(tx, actor, actor.tenantId, {
    action: 'member.import', entityType: 'org', entityId: meta.targetOrgId,
    // CCCD values stay out of the audit log (read by roles that may not see them): only that it changed.
    before: changedRows.length ? Object.fromEntries(changedRows.map((u) => [u.id, 'personalId' in u.changed ? { ...u.changed, personalId: 'changed' } : u.changed])) : null,
    after: { fileName: meta.fileName, fileHash: meta.fileHash ?? null, rows: plan.rows, created: plan.inserts.map((m) => m.id), updated: plan.updated },
  });
}

/** Plans and, unless dry-run or any error, applies in one transaction: all rows or none. */
export async function importParsedSheet(db: Db, actor: Actor, input: {
  target: OrgRow; parsed: SheetParseResult; dryRun: boolean; fileName: string; fileHash?: string;
}): Promise<ImportResult & { committed: boolean }> {
  const summarize = (plan: ImportPlan) => ({ rows: plan.rows, created: plan.created, updated: plan.updated, errors: plan.errors, warnings: plan.warnings });
  if (input.dryRun || input.parsed.errors.length > 0) {
    return { ...summarize(await planImport(db, actor, input.target, input.parsed)), committed: false };
  }
  // Plan inside the transaction so the matches it made still hold when the rows are written.
  return db.transaction(async (tx) => {
    // One import (or tree change) at a time per province: two commits of the same sheet must not both
    // see "no such member yet" and insert it twice.
    await lockTree(tx, actor.tenantId);
    const plan = await planImport(tx, actor, input.target, input.parsed);
    if (plan.errors.length > 0) return { ...summarize(plan), committed: false };
    await applyImport(tx, actor, plan, { fileName: input.fileName, fileHash: input.fileHash, targetOrgId: input.target.id });
    return { ...summarize(plan), committed: true };
  });
}
