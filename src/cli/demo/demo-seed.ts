import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../kernel/access/permissions.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db } from '../../kernel/db/client.js';
import { authService } from '../../modules/auth/index.js';
import { searchKey } from '../../text/index.js';
import { tenants } from '../../kernel/db/schema.js';
import { demoAccountsPlan, generateDemoProvince, type DemoProvince } from './demo-generate.js';
import { seedDemoCampaign } from './demo-campaign.js';
import { seedDemoReflections } from './demo-reflections.js';
import { rebuildCopyIndex } from '../../modules/copies/index.js';
import { seedDemoRecommendations } from './demo-recommendations.js';
import type { FileStore } from '../../kernel/files/store.js';

export const DEMO_PASSWORD = authService.DEMO_PASSWORD;

export interface DemoAccount { username: string; password: string; role: Role; orgId: string; orgName: string; memberId: string | null; displayName: string }

/** Ids derived from the seed and a stable key: the same seed gives the same data, ids included. */
export function demoId(seed: number, key: string): string {
  const h = createHash('sha256').update(`quan-triet-demo:${seed}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface SeedOptions {
  members: number; seed: number; shape: 'current' | 'legacy';
  /** Adds the study campaign in progress (default true). */
  campaign?: boolean;
  /** Where the demo's scanned reflection pages are stored; without it reflections are typed or on paper. */
  files?: FileStore;
}

export async function seedDemo(db: Db, opts: SeedOptions): Promise<{ tenantId: string; orgs: number; members: number; accounts: DemoAccount[] }> {
  const province = generateDemoProvince(opts);
  const tenantId = demoId(opts.seed, `tenant:${province.tenant.code}`);
  const [existing] = await db.select().from(tenants).where(eq(tenants.code, province.tenant.code));
  if (existing) throw new Error(`Đã có dữ liệu của ${province.tenant.name} (mã ${province.tenant.code}) trong cơ sở dữ liệu này; dùng một thư mục dữ liệu (QT_DATA_DIR) hoặc cơ sở dữ liệu mới để tạo lại.`);
  const accounts = planAccounts(province, opts.seed);
  const validFrom = opts.shape === 'legacy' ? '2020-10-01T00:00:00+07:00' : '2025-07-01T00:00:00+07:00';

  await db.transaction(async (tx) => {
    await tx.insert(tenants).values({ id: tenantId, code: province.tenant.code, name: province.tenant.name });
    const levelIds = new Map(province.levels.map((l) => [l.code, demoId(opts.seed, `level:${l.code}`)]));
    await tx.execute(sql`insert into org_levels (tenant_id, id, code, name, rank)
      select ${tenantId}::uuid, x.id, x.code, x.name, x.rank from jsonb_to_recordset(${JSON.stringify(province.levels.map((l) => ({ ...l, id: levelIds.get(l.code) })))}::jsonb)
      as x(id uuid, code text, name text, rank int)`);

    const orgRows = layOutOrgs(province, opts.seed, tenantId, levelIds);
    for (let i = 0; i < orgRows.length; i += 2000) {
      const batch = JSON.stringify(orgRows.slice(i, i + 2000));
      await tx.execute(sql`insert into orgs (tenant_id, id, parent_id, level_id, kind, name, name_key, code, path, depth)
        select ${tenantId}::uuid, x.id, x.parent_id, x.level_id, x.kind, x.name, x.name_key, x.code, x.path, x.depth
        from jsonb_to_recordset(${batch}::jsonb) as x(id uuid, parent_id uuid, level_id uuid, kind text, name text, name_key text, code text, path text, depth int)`);
    }
    const closure = orgRows.flatMap((o) => {
      const chain = o.path.split('.').filter(Boolean);
      return chain.map((ancestor, i) => ({ a: ancestor, d: o.id, n: chain.length - 1 - i }));
    });
    for (let i = 0; i < closure.length; i += 20000) {
      await tx.execute(sql`insert into org_closure (tenant_id, ancestor_id, descendant_id, depth)
        select ${tenantId}::uuid, x.a, x.d, x.n from jsonb_to_recordset(${JSON.stringify(closure.slice(i, i + 20000))}::jsonb) as x(a uuid, d uuid, n int)`);
    }
    await tx.execute(sql`insert into org_versions (tenant_id, id, org_id, parent_id, level_id, kind, name, code, status, change, valid_from)
      select tenant_id, id, id, parent_id, level_id, kind, name, code, status, 'create', ${validFrom}::timestamptz from orgs where tenant_id = ${tenantId}`);

    for (let i = 0; i < province.members.length; i += 5000) {
      const batch = province.members.slice(i, i + 5000).map((m) => memberRecord(m, opts.seed));
      await tx.execute(sql`insert into members (tenant_id, id, branch_id, full_name, name_key, gender, birth_date, birth_year_only, home_town,
          ethnicity, religion, card_number, record_number, status, admission_date, official_date, qualification, theory_level, party_position,
          work_position, personal_id, workplace_kind, is_remote_area, is_exempt, is_head_of_unit, is_committee_member, phone, email)
        select ${tenantId}::uuid, x.id, x.branch_id, x.full_name, x.name_key, x.gender, x.birth_date, x.birth_year_only, x.home_town,
          x.ethnicity, x.religion, x.card_number, x.record_number, x.status, x.admission_date, x.official_date, x.qualification, x.theory_level,
          x.party_position, x.work_position, x.personal_id, x.workplace_kind, x.is_remote_area, x.is_exempt, x.is_head_of_unit, x.is_committee_member, x.phone, x.email
        from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(id uuid, branch_id uuid, full_name text, name_key text, gender text,
          birth_date date, birth_year_only boolean, home_town text, ethnicity text, religion text, card_number text, record_number text, status text,
          admission_date date, official_date date, qualification text, theory_level text, party_position text, work_position text, personal_id text,
          workplace_kind text, is_remote_area boolean, is_exempt boolean, is_head_of_unit boolean, is_committee_member boolean, phone text, email text)`);
    }
    for (const a of accounts) {
      await authService.createUser(tx, null, {
        tenantId, id: demoId(opts.seed, `user:${a.username}`), username: a.username, password: a.password, displayName: a.displayName,
        memberId: a.memberId, grants: [{ role: a.role, orgId: a.orgId }], demo: true,
      });
    }
    await recordAudit(tx, null, tenantId, { action: 'demo.seed', entityType: 'tenant', entityId: tenantId, after: { ...opts, orgs: orgRows.length } });
  });
  // Fresh statistics and visibility map, so the first roll-up is an index-only scan with a good plan.
  await db.execute(sql`vacuum analyze members`);
  await db.execute(sql`vacuum analyze orgs`);
  await db.execute(sql`vacuum analyze org_closure`);
  // After the statistics: the campaign's invitation queries join members to the closure table.
  if (opts.campaign !== false) {
    const account = (name: RegExp) => accounts.find((a) => name.test(a.username))!;
    const communeId = account(/^tuyengiao\.(xa|huyen)$/).orgId;
    const id = (key: string) => demoId(opts.seed, `campaign:${key}`);
    const { campaignId, heldOrgId } = await db.transaction((tx) => seedDemoCampaign(tx, {
      tenantId, seed: opts.seed, id, officerUserId: demoId(opts.seed, 'user:tuyengiao'), supervisorUserId: demoId(opts.seed, 'user:bithu'), communeId,
    }));
    await db.transaction((tx) => seedDemoReflections(tx, {
      tenantId, seed: opts.seed, id, campaignId, heldOrgId, communeId, secretaryUserId: demoId(opts.seed, 'user:chiuy'), files: opts.files,
    }));
    // The copy index once now, so the demo opens with its planted copies flagged.
    await rebuildCopyIndex(db, tenantId, campaignId);
    // The recommendation pools, gathered and partly rolled up to the province with one answer.
    const provinceId = account(/^tuyengiao$/).orgId;
    await seedDemoRecommendations(db, {
      tenantId, campaignId, provinceId, heldOrgId,
      officer: { userId: demoId(opts.seed, 'user:tuyengiao'), username: 'tuyengiao' },
      secretary: { userId: demoId(opts.seed, 'user:bithu'), username: 'bithu' },
    });
    await db.execute(sql`analyze`);
  }
  return { tenantId, orgs: province.orgs.length, members: province.members.length, accounts };
}

function layOutOrgs(p: DemoProvince, seed: number, tenantId: string, levelIds: Map<string, string>) {
  const byKey = new Map(p.orgs.map((o) => [o.key, o]));
  const laid = new Map<string, { path: string; depth: number }>();
  const place = (key: string): { path: string; depth: number } => {
    const known = laid.get(key);
    if (known) return known;
    const org = byKey.get(key)!;
    const id = demoId(seed, `org:${key}`);
    const parent = org.parentKey ? place(org.parentKey) : { path: '', depth: -1 };
    const result = { path: `${parent.path}${id}.`, depth: parent.depth + 1 };
    laid.set(key, result);
    return result;
  };
  return p.orgs.map((o) => ({
    tenant_id: tenantId, id: demoId(seed, `org:${o.key}`), parent_id: o.parentKey ? demoId(seed, `org:${o.parentKey}`) : null,
    level_id: levelIds.get(o.levelCode), kind: o.kind, name: o.name, name_key: searchKey(o.name), code: o.code, ...place(o.key),
  }));
}

function memberRecord(m: DemoProvince['members'][number], seed: number) {
  return {
    id: demoId(seed, `member:${m.key}`), branch_id: demoId(seed, `org:${m.branchKey}`), full_name: m.fullName, name_key: searchKey(m.fullName),
    gender: m.gender, birth_date: m.birthDate, birth_year_only: m.birthYearOnly, home_town: m.homeTown, ethnicity: m.ethnicity, religion: m.religion,
    card_number: m.cardNumber, record_number: m.recordNumber, status: m.status, admission_date: m.admissionDate, official_date: m.officialDate,
    qualification: m.qualification, theory_level: m.theoryLevel, party_position: m.partyPosition, work_position: m.workPosition,
    personal_id: m.personalId, workplace_kind: m.workplaceKind, is_remote_area: m.isRemoteArea, is_exempt: m.isExempt,
    is_head_of_unit: m.isHeadOfUnit, is_committee_member: m.isCommitteeMember, phone: m.phone, email: m.email,
  };
}

/** The demo logins: at least one per role, on the province, a commune-level committee, a branch and a member. */
export function planAccounts(p: DemoProvince, seed: number): DemoAccount[] {
  const plan = demoAccountsPlan(p);
  const org = (key: string) => ({ orgId: demoId(seed, `org:${key}`), orgName: p.orgs.find((o) => o.key === key)!.name });
  const secretary = p.members.find((m) => m.branchKey === plan.branchKey && /^Bí thư/.test(m.partyPosition ?? ''));
  const member = p.members.find((m) => m.key === plan.memberKey)!;
  // A member of the branch committee who is not its secretary: grades, but does not approve.
  const committee = p.members.find((m) => m.branchKey === plan.branchKey && m.key !== secretary?.key && m.key !== plan.memberKey && m.isCommitteeMember)
    ?? p.members.find((m) => m.branchKey === plan.branchKey && m.key !== secretary?.key && m.key !== plan.memberKey);
  const account = (username: string, role: Role, orgKey: string, displayName: string, memberKey?: string): DemoAccount => ({
    username, password: DEMO_PASSWORD, role, ...org(orgKey), displayName, memberId: memberKey ? demoId(seed, `member:${memberKey}`) : null,
  });
  return [
    account('quantri', 'system_admin', plan.provinceKey, 'Quản trị hệ thống'),
    account('tuyengiao', 'propaganda_officer', plan.provinceKey, 'Cán bộ Ban Tuyên giáo Tỉnh ủy'),
    account('bithu', 'committee_secretary', plan.provinceKey, 'Thường trực Tỉnh ủy'),
    account('tochuc', 'organization_officer', plan.provinceKey, 'Cán bộ Ban Tổ chức Tỉnh ủy'),
    account('kiemtra', 'inspection_officer', plan.provinceKey, 'Cán bộ Ủy ban Kiểm tra Tỉnh ủy'),
    ...(p.levels.some((l) => l.code === 'district')
      ? [account('tuyengiao.huyen', 'propaganda_officer', plan.districtLikeKey, 'Cán bộ Ban Tuyên giáo Huyện ủy')]
      : [account('tuyengiao.xa', 'propaganda_officer', plan.districtLikeKey, 'Cán bộ tuyên giáo Đảng ủy xã')]),
    account('chiuy', 'branch_secretary', plan.branchKey, secretary ? `${secretary.fullName} (Bí thư chi bộ)` : 'Chi ủy chi bộ', secretary?.key),
    account('chiuyvien', 'branch_committee', plan.branchKey, committee ? `${committee.fullName} (Chi ủy viên)` : 'Chi ủy viên', committee?.key),
    account('dangvien', 'member', plan.branchKey, member.fullName, member.key),
  ];
}
