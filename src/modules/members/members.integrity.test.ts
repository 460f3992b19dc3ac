import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.js';
import { buildSmallProvince, createUser } from '../../../test/factories.js';
import { buildBranchSheet } from '../../../test/fixtures/member-sheets.js';
import { queryRows } from '../../kernel/db/client.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { orgService } from '../org/index.js';
import { parseMemberSheet } from './members.import-parse.js';
import { importParsedSheet } from './members.import.js';
import * as membersService from './members.service.js';
import { memberAttrs } from '../../../test/factories.js';

const khai = { fullName: 'Trịnh Văn Khải', gender: 'male' as const, birthDate: '1975-02-03', admissionDate: '2001-05-19', officialDate: '2002-05-19' };
const mai = { fullName: 'Đoàn Thị Mai', gender: 'female' as const, birthDate: '1988-11-30', admissionDate: '2012-09-02', officialDate: '2013-09-02' };

describeEngines('member data integrity', (ctx) => {
  const count = async (branchId: string) => (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from members where branch_id = ${branchId}`))[0].n;

  it('two commits of the same sheet at the same moment add its members once', async () => {
    const p = await buildSmallProvince(ctx.db);
    const actor = await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]);
    const target = await orgService.resolveOrgRef(ctx.db, p.tenantId, p.branches[0]);
    const parsed = await parseMemberSheet(await buildBranchSheet({ rows: [khai, mai] }));
    const results = await Promise.all([1, 2].map(() => importParsedSheet(ctx.db, actor, { target, parsed, dryRun: false, fileName: 'a.xlsx' })));
    expect(results.map((r) => r.created).sort()).toEqual([0, 2]);
    expect(await count(p.branches[0])).toBe(5);
  });

  it('a sheet that now gives card numbers updates the members first imported without them', async () => {
    const p = await buildSmallProvince(ctx.db);
    const actor = await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]);
    const target = await orgService.resolveOrgRef(ctx.db, p.tenantId, p.branches[0]);
    const noCards = await parseMemberSheet(await buildBranchSheet({ rows: [{ ...khai, cardNumber: null }, { ...mai, cardNumber: null }] }));
    const first = await importParsedSheet(ctx.db, actor, { target, parsed: noCards, dryRun: false, fileName: 'a.xlsx' });
    expect(first.created).toBe(2);
    const withCards = await parseMemberSheet(await buildBranchSheet({ rows: [{ ...khai, cardNumber: '93000001' }, { ...mai, cardNumber: '93000002' }] }));
    const second = await importParsedSheet(ctx.db, actor, { target, parsed: withCards, dryRun: false, fileName: 'b.xlsx' });
    expect(second).toMatchObject({ created: 0, updated: 2 });
    expect(await count(p.branches[0])).toBe(5);
    const cards = await queryRows<{ c: string }>(ctx.db, sql`select card_number as c from members where branch_id = ${p.branches[0]} and card_number is not null order by 1`);
    expect(cards.map((r) => r.c)).toEqual(['93000001', '93000002']);
  });

  it('no member can be placed in a dissolved branch, by form or by sheet', async () => {
    const p = await buildSmallProvince(ctx.db);
    const officer = await createUser(ctx.db, p.tenantId, [{ role: 'organization_officer', orgId: p.rootId }]);
    const empty = await orgService.createOrg(ctx.db, officer, { parentId: p.grassroots[0], levelId: p.levels.branch, kind: 'branch', name: 'Chi bộ sẽ giải thể', code: `${p.tenantId.slice(-6)}-GT` });
    await orgService.dissolveOrg(ctx.db, officer, empty.id, {});
    const refused = await membersService.createMember(ctx.db, officer, { ...memberAttrs(), branchId: empty.id }).catch((e: AppError) => e.code);
    expect(refused).toBe('org.not_leaf');
    const viaSheet = await orgService.resolveOrgRef(ctx.db, p.tenantId, empty.id).catch((e: AppError) => e.code);
    expect(viaSheet).toBe('org.dissolved');
    expect(await count(empty.id)).toBe(0);
  });

  it('keeps CCCD numbers out of the audit log', async () => {
    const p = await buildSmallProvince(ctx.db);
    const officer = await createUser(ctx.db, p.tenantId, [{ role: 'organization_officer', orgId: p.rootId }]);
    const created = await membersService.createMember(ctx.db, officer, { ...memberAttrs({ personalId: '098123456789' }), branchId: p.branches[0] });
    await membersService.updateMember(ctx.db, officer, created.id, { personalId: '098999999999' });
    const audit = await queryRows<{ body: string }>(ctx.db, sql`select coalesce(before::text, '') || coalesce(after::text, '') as body from audit_log where entity_id = ${created.id}`);
    expect(audit).toHaveLength(2);
    for (const a of audit) {
      expect(a.body).not.toContain('098123456789');
      expect(a.body).not.toContain('098999999999');
    }
  });

  it('a plain member has no org to browse', async () => {
    const p = await buildSmallProvince(ctx.db);
    const member = await createUser(ctx.db, p.tenantId, [{ role: 'member', orgId: p.branches[0] }], p.members[0]);
    expect(await orgService.listScopeRoots(ctx.db, member)).toEqual([]);
  });

  it('re-importing a list with fewer columns keeps the fields it does not carry', async () => {
    const p = await buildSmallProvince(ctx.db);
    const actor = await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]);
    const target = await orgService.resolveOrgRef(ctx.db, p.tenantId, p.branches[0]);
    const full = { ...khai, cardNumber: '94000001', personalId: '098765432101', phone: '0912000111', ethnicity: 'Tày', homeTown: 'Xã Tân Hòa', isHeadOfUnit: true };
    await importParsedSheet(ctx.db, actor, { target, parsed: await parseMemberSheet(await buildBranchSheet({ rows: [full] })), dryRun: false, fileName: 'a.xlsx' });
    const short = await parseMemberSheet(await buildBranchSheet({ rows: [{ ...full, fullName: 'Trịnh Văn Khải', partyPosition: 'Chi ủy viên' }], columns: ['stt', 'fullName', 'birthDate', 'cardNumber', 'partyPosition'] }));
    expect(short.fields).not.toContain('personalId');
    const result = await importParsedSheet(ctx.db, actor, { target, parsed: short, dryRun: false, fileName: 'b.xlsx' });
    expect(result).toMatchObject({ created: 0, updated: 1 });
    const [m] = await queryRows<Record<string, unknown>>(ctx.db, sql`select personal_id, phone, ethnicity, home_town, is_head_of_unit, party_position from members where card_number = '94000001'`);
    expect(m).toMatchObject({ personal_id: '098765432101', phone: '0912000111', ethnicity: 'Tày', home_town: 'Xã Tân Hòa', is_head_of_unit: true, party_position: 'Chi ủy viên' });
  });
});
