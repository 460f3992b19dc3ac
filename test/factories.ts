import { sql } from 'drizzle-orm';
import type { Actor } from '../src/kernel/access/actor.js';
import type { Role } from '../src/kernel/access/permissions.js';
import { newId } from '../src/kernel/db/columns.js';
import type { Db } from '../src/kernel/db/client.js';
import { roleGrants, users } from '../src/modules/auth/auth.table.js';
import { hashPassword } from '../src/modules/auth/auth.password.js';
import type { MemberAttributes } from '../src/modules/members/members.fields.js';
import { searchKey } from '../src/text/index.js';
import type { App } from '../src/server/app.js';

/**
 * Each test builds its own province: nothing is shared between tests or files, nothing truncated.
 */
export interface TestTenant {
  tenantId: string;
  levels: { province: string; upper: string; grassroots: string; branch: string };
  rootId: string;
}

export async function createTenant(db: Db, name = 'Đảng bộ tỉnh Thử Nghiệm'): Promise<TestTenant> {
  const tenantId = newId();
  const code = `T${tenantId.slice(-10)}`;
  await db.execute(sql`insert into tenants (id, code, name) values (${tenantId}, ${code}, ${name})`);
  const levels = { province: newId(), upper: newId(), grassroots: newId(), branch: newId() };
  const names = { province: 'Tỉnh', upper: 'Xã, phường và tương đương', grassroots: 'Cơ sở', branch: 'Chi bộ' };
  let rank = 0;
  for (const [key, id] of Object.entries(levels)) {
    await db.execute(sql`insert into org_levels (tenant_id, id, code, name, rank) values (${tenantId}, ${id}, ${key}, ${names[key as keyof typeof names]}, ${rank++})`);
  }
  const rootId = await insertOrg(db, { tenantId, parentId: null, levelId: levels.province, name, code: `${code}-ROOT`, kind: 'provincial_committee' });
  return { tenantId, levels, rootId };
}

/** Inserts an org with its path, closure rows and first version, as the org service would. */
export async function insertOrg(db: Db, o: { tenantId: string; parentId: string | null; levelId: string; name: string; code: string; kind?: string; id?: string }): Promise<string> {
  const id = o.id ?? newId();
  await db.execute(sql`insert into orgs (tenant_id, id, parent_id, level_id, kind, name, name_key, code, path, depth)
    select ${o.tenantId}, ${id}, ${o.parentId}, ${o.levelId}, ${o.kind ?? 'branch'}, ${o.name}, ${searchKey(o.name)}, ${o.code},
      coalesce((select path from orgs where tenant_id = ${o.tenantId} and id = ${o.parentId}), '') || ${id} || '.',
      coalesce((select depth + 1 from orgs where tenant_id = ${o.tenantId} and id = ${o.parentId}), 0)`);
  await db.execute(sql`insert into org_closure (tenant_id, ancestor_id, descendant_id, depth)
    select ${o.tenantId}::uuid, ${id}::uuid, ${id}::uuid, 0
    union all select tenant_id, ancestor_id, ${id}::uuid, depth + 1 from org_closure where tenant_id = ${o.tenantId} and descendant_id = ${o.parentId}::uuid`);
  await db.execute(sql`insert into org_versions (tenant_id, id, org_id, parent_id, level_id, kind, name, code, status, change, valid_from)
    values (${o.tenantId}, ${newId()}, ${id}, ${o.parentId}, ${o.levelId}, ${o.kind ?? 'branch'}, ${o.name}, ${o.code}, 'active', 'create', now())`);
  return id;
}

export function memberAttrs(overrides: Partial<MemberAttributes> = {}): MemberAttributes {
  return {
    fullName: 'Nguyễn Văn An', gender: 'male', birthDate: '1980-05-12', birthYearOnly: false, homeTown: 'Xã Tân Hòa', ethnicity: 'Kinh',
    religion: 'Không', cardNumber: null, recordNumber: null, status: 'official', admissionDate: '2005-03-26', officialDate: '2006-03-26',
    qualification: 'Đại học', theoryLevel: 'trung_cap', partyPosition: 'Đảng viên', workPosition: null, personalId: null,
    workplaceKind: 'state_agency', isRemoteArea: false, isExempt: false, isHeadOfUnit: false, isCommitteeMember: false,
    phone: null, email: null, ...overrides,
  };
}

export async function insertMember(db: Db, tenantId: string, branchId: string, overrides: Partial<MemberAttributes> = {}): Promise<string> {
  const id = newId();
  const m = memberAttrs(overrides);
  await db.execute(sql`insert into members (tenant_id, id, branch_id, full_name, name_key, gender, birth_date, status, card_number, personal_id, is_exempt, ethnicity)
    values (${tenantId}, ${id}, ${branchId}, ${m.fullName}, ${searchKey(m.fullName)}, ${m.gender}, ${m.birthDate}, ${m.status}, ${m.cardNumber}, ${m.personalId}, ${m.isExempt}, ${m.ethnicity})`);
  return id;
}

export const TEST_PASSWORD = 'Mat-khau-thu-1';
let cachedHash: Promise<string> | null = null;

/** A user with login, holding the given roles; returns the actor the services would see. */
export async function createUser(db: Db, tenantId: string, grants: Array<{ role: Role; orgId: string }>, memberId: string | null = null): Promise<Actor> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const id = newId();
  const username = `u${id.replace(/-/g, '').slice(-16)}`;
  await db.insert(users).values({ tenantId, id, username, passwordHash: await cachedHash, displayName: `Người dùng ${username}`, memberId });
  if (grants.length) await db.insert(roleGrants).values(grants.map((g) => ({ tenantId, userId: id, role: g.role, orgId: g.orgId })));
  return { userId: id, tenantId, username, displayName: username, memberId, grants };
}

/** Logs in through the real route and returns the Cookie header to send. */
export async function login(app: App, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'qt_session');
  return `qt_session=${cookie!.value}`;
}

/** A small province: root → 2 communes → 2 grassroots each → 2 branches each, 3 members per branch. */
export async function buildSmallProvince(db: Db) {
  const t = await createTenant(db);
  const communes: string[] = []; const grassroots: string[] = []; const branches: string[] = []; const members: string[] = [];
  for (let c = 0; c < 2; c++) {
    const commune = await insertOrg(db, { tenantId: t.tenantId, parentId: t.rootId, levelId: t.levels.upper, name: `Đảng bộ xã Thử ${c + 1}`, code: `${t.tenantId.slice(-6)}-X${c}`, kind: 'commune_committee' });
    communes.push(commune);
    for (let g = 0; g < 2; g++) {
      const gr = await insertOrg(db, { tenantId: t.tenantId, parentId: commune, levelId: t.levels.grassroots, name: `Đảng bộ cơ sở ${c + 1}.${g + 1}`, code: `${t.tenantId.slice(-6)}-X${c}-C${g}`, kind: 'grassroots_committee' });
      grassroots.push(gr);
      for (let b = 0; b < 2; b++) {
        const br = await insertOrg(db, { tenantId: t.tenantId, parentId: gr, levelId: t.levels.branch, name: `Chi bộ ${c + 1}.${g + 1}.${b + 1}`, code: `${t.tenantId.slice(-6)}-X${c}-C${g}-B${b}` });
        branches.push(br);
        for (let m = 0; m < 3; m++) members.push(await insertMember(db, t.tenantId, br, { fullName: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'][m], personalId: `0010${String(members.length).padStart(8, '0')}` }));
      }
    }
  }
  return { ...t, communes, grassroots, branches, members };
}

/** A session for the user without going through argon2 (for tests that make many users). */
export async function sessionCookie(db: Db, actor: Actor): Promise<string> {
  const { createHash, randomBytes } = await import('node:crypto');
  const token = randomBytes(24).toString('base64url');
  await db.execute(sql`insert into sessions (token_hash, tenant_id, user_id, expires_at)
    values (${createHash('sha256').update(token).digest('hex')}, ${actor.tenantId}, ${actor.userId}, now() + interval '1 hour')`);
  return `qt_session=${token}`;
}
