import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { syncInvitations } from '../../modules/conferences/attendance.invitations.js';
import { refreshParticipants } from '../../modules/conferences/attendance.repository.js';
import { ensureDefaultAudiences, seedMaterial } from '../../modules/materials/index.js';
import { DEMO_MATERIALS, DEMO_PLAN, DEMO_RESOLUTION } from './demo-campaign-texts.js';

/**
 * The demo province's study campaign, caught in progress on 23/11/2026: the provincial plan issued,
 * most communes' plans issued (some late, a few missing), materials with audience variants, an online
 * conference already held with bridge points and supervision reports, a commune conference held with
 * absentees on the make-up list, and the demo commune's conference upcoming, split into two sessions.
 */
export interface DemoCampaignInput { tenantId: string; seed: number; id: (key: string) => string; officerUserId: string; supervisorUserId: string; communeId: string }

export async function seedDemoCampaign(tx: Executor, input: DemoCampaignInput) {
  const { tenantId, id } = input;
  const [root] = await queryRows<{ id: string; name: string }>(tx, sql`select id, name from orgs where tenant_id = ${tenantId} and parent_id is null`);
  const levels = await queryRows<{ id: string; rank: number }>(tx, sql`select id, rank from org_levels where tenant_id = ${tenantId} order by rank`);
  const levelAt = (rank: number) => levels.find((l) => l.rank === rank)?.id;
  const rankOne = await queryRows<{ id: string; name: string }>(tx, sql`select id, name from orgs
    where tenant_id = ${tenantId} and parent_id = ${root.id} and status = 'active' order by code`);

  const resolutionId = id('resolution');
  await tx.execute(sql`insert into resolutions (tenant_id, id, org_id, title, congress, term, adopted_on, created_by)
    values (${tenantId}, ${resolutionId}, ${root.id}, ${DEMO_RESOLUTION.title}, ${DEMO_RESOLUTION.congress}, '2025–2030', '2025-10-18', ${input.officerUserId})`);
  for (const [i, doc] of DEMO_RESOLUTION.documents.entries()) {
    await tx.execute(sql`insert into resolution_documents (tenant_id, id, resolution_id, kind, title, body)
      values (${tenantId}, ${id(`resolution-doc:${i}`)}, ${resolutionId}, ${doc.kind}, ${doc.title}, ${doc.body})`);
  }
  const campaignId = id('campaign');
  await tx.execute(sql`insert into campaigns (tenant_id, id, resolution_id, org_id, title, created_by)
    values (${tenantId}, ${campaignId}, ${resolutionId}, ${root.id}, ${DEMO_PLAN.campaignTitle}, ${input.officerUserId})`);

  const deadlines = [
    { levelId: levelAt(1), planBy: '2026-11-20', conferencesBy: '2026-12-10' },
    { levelId: levelAt(2), planBy: '2026-11-30', conferencesBy: '2026-12-25' },
    { levelId: levelAt(3), planBy: null, conferencesBy: '2026-12-31' },
    { levelId: levelAt(4), planBy: null, conferencesBy: '2026-12-31' },
  ].filter((d) => d.levelId);
  const rootPlanId = id('plan:root');
  const contents = DEMO_PLAN.contents.map((text) => ({ text, fromPlanId: null }));
  await insertPlan(tx, tenantId, { id: rootPlanId, campaignId, orgId: root.id, parentPlanId: null, number: '03-KH/TU', issuedOn: '2026-11-02',
    title: DEMO_PLAN.title, contents, deadlines, status: 'issued', by: input.officerUserId, issuedAt: '2026-11-02T09:00:00+07:00' });
  await cascadePlans(tx, tenantId, { campaignId, rootPlanId, contents, deadlines, rankOne, by: input.officerUserId, id });

  await seedMaterials(tx, tenantId, campaignId, root.id, input.officerUserId);
  const conferences = await seedConferences(tx, input, { campaignId, rootId: root.id, rankOne });
  await recordAudit(tx, null, tenantId, { action: 'demo.seed_campaign', entityType: 'campaign', entityId: campaignId, after: { conferences } });
  // The commune whose all-member conference was held (seedConferences): its members have studied.
  const heldOrgId = rankOne.find((o) => o.id !== input.communeId)!.id;
  return { campaignId, conferences, heldOrgId };
}

interface PlanRow {
  id: string; campaignId: string; orgId: string; parentPlanId: string | null; number: string | null; issuedOn: string | null; title: string;
  contents: Array<{ text: string; fromPlanId: string | null }>; deadlines: unknown[]; status: string; by: string; issuedAt: string | null;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo plan's deadline for reflections: 15/01/2027, or a month after the demo is seeded if that is
 * later, so that a demo (and the browser tests run on one) never finds its reflections already closed.
 */
export function demoReflectionsBy(now = new Date()): string {
  const inAMonth = addDays(now.toISOString().slice(0, 10), 30);
  return inAMonth > '2027-01-15' ? inAMonth : '2027-01-15';
}

async function insertPlan(tx: Executor, tenantId: string, p: PlanRow) {
  const reflectionsBy = demoReflectionsBy();
  const reportBy = addDays(reflectionsBy, 16);
  await tx.execute(sql`insert into campaign_plans (tenant_id, id, campaign_id, org_id, parent_plan_id, number, issued_on, title, purpose, contents,
      attendees, reflection_writers, level_deadlines, reflections_by, report_by, action_program_by, status, approved_by, approved_at, issued_by, issued_at, created_by)
    values (${tenantId}, ${p.id}, ${p.campaignId}, ${p.orgId}, ${p.parentPlanId}, ${p.number}, ${p.issuedOn}, ${p.title}, ${DEMO_PLAN.purpose},
      ${JSON.stringify(p.contents)}::jsonb, ${DEMO_PLAN.attendees}, ${DEMO_PLAN.reflectionWriters}, ${JSON.stringify(p.deadlines)}::jsonb,
      ${reflectionsBy}, ${reportBy}, ${reflectionsBy}, ${p.status},
      ${p.status === 'draft' ? null : p.by}, ${p.issuedAt}, ${p.status === 'issued' ? p.by : null}, ${p.status === 'issued' ? p.issuedAt : null}, ${p.by})`);
}

/** Three communes in four issued their plan, one in five of those after the 20/11 deadline; the rest owe it. */
async function cascadePlans(tx: Executor, tenantId: string, c: {
  campaignId: string; rootPlanId: string; contents: PlanRow['contents']; deadlines: unknown[]; rankOne: Array<{ id: string; name: string }>; by: string; id: (k: string) => string;
}) {
  for (const [i, org] of c.rankOne.entries()) {
    if (i % 4 === 3) continue;
    const late = i % 5 === 2;
    const issuedOn = late ? '2026-11-22' : `2026-11-${String(10 + (i % 9)).padStart(2, '0')}`;
    // One in eleven is approved by its standing committee but not yet issued: no number, no date.
    const issued = i % 11 !== 5;
    await insertPlan(tx, tenantId, {
      id: c.id(`plan:${org.id}`), campaignId: c.campaignId, orgId: org.id, parentPlanId: c.rootPlanId,
      number: issued ? `${String(5 + (i % 20)).padStart(2, '0')}-KH/ĐU` : null, issuedOn: issued ? issuedOn : null,
      title: `Kế hoạch học tập, quán triệt Nghị quyết — ${org.name}`,
      contents: [...c.contents.map((x) => ({ text: x.text, fromPlanId: c.rootPlanId })), { text: DEMO_PLAN.localContent, fromPlanId: null }],
      deadlines: c.deadlines, status: issued ? 'issued' : 'approved', by: c.by, issuedAt: `${issuedOn}T10:00:00+07:00`,
    });
  }
}

async function seedMaterials(tx: Executor, tenantId: string, campaignId: string, orgId: string, by: string) {
  await ensureDefaultAudiences(tx, tenantId);
  for (const m of DEMO_MATERIALS) {
    const master = await seedMaterial(tx, tenantId, by, { campaignId, orgId, kind: m.kind, title: m.title, summary: m.summary, body: m.body, qa: m.qa });
    for (const v of m.variants) {
      await seedMaterial(tx, tenantId, by, { masterId: master.id, audienceCode: v.audienceCode, title: v.title, summary: v.summary, body: v.body, qa: m.qa });
    }
  }
}

interface ConferenceSpec {
  key: string; orgId: string; title: string; audienceKind: 'all_members' | 'key_cadres'; format: 'in_person' | 'online';
  venue: string; capacity: number | null; startsAt: string; agenda: typeof DEMO_PLAN.agenda;
}

async function seedConferences(tx: Executor, input: DemoCampaignInput, c: { campaignId: string; rootId: string; rankOne: Array<{ id: string; name: string }> }) {
  const { tenantId, id } = input;
  const heldCommune = c.rankOne.find((o) => o.id !== input.communeId)!;
  const online = await createConference(tx, input, c.campaignId, {
    key: 'online', orgId: c.rootId, title: 'Hội nghị trực tuyến học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh (cán bộ chủ chốt)',
    audienceKind: 'key_cadres', format: 'online', venue: 'Điểm cầu chính: Hội trường Tỉnh ủy', capacity: 400, startsAt: '2026-11-12T07:30:00+07:00', agenda: DEMO_PLAN.agenda,
  });
  await seedBridgePoints(tx, input, online, c.rankOne.slice(0, 6));
  await seedDiscussion(tx, input, online);
  const held = await createConference(tx, input, c.campaignId, {
    key: 'held-commune', orgId: heldCommune.id, title: `Hội nghị học tập, quán triệt Nghị quyết — ${heldCommune.name}`,
    audienceKind: 'all_members', format: 'in_person', venue: 'Hội trường Đảng ủy', capacity: null, startsAt: '2026-11-18T07:30:00+07:00', agenda: DEMO_PLAN.communeAgenda,
  });
  const upcoming = await createConference(tx, input, c.campaignId, {
    key: 'upcoming-commune', orgId: input.communeId, title: 'Hội nghị học tập, quán triệt Nghị quyết cho toàn thể đảng viên',
    audienceKind: 'all_members', format: 'in_person', venue: 'Hội trường Ủy ban nhân dân xã', capacity: null, startsAt: '2026-11-27T07:30:00+07:00', agenda: DEMO_PLAN.communeAgenda,
  });
  await splitInTwo(tx, tenantId, upcoming, id);
  // Under way on the demo's day: the commune's key cadres, six in ten already checked in.
  const today = await createConference(tx, input, c.campaignId, {
    key: 'today-cadres', orgId: input.communeId, title: 'Hội nghị cán bộ chủ chốt học tập, quán triệt Nghị quyết',
    audienceKind: 'key_cadres', format: 'in_person', venue: 'Phòng họp Đảng ủy xã', capacity: 120, startsAt: '2026-11-23T07:30:00+07:00', agenda: DEMO_PLAN.communeAgenda,
  });
  await checkInShare(tx, tenantId, today, 60, input.officerUserId);
  for (const [conferenceId, rate, made] of [[online, 91, 40], [held, 86, 30]] as const) await holdConference(tx, tenantId, conferenceId, rate, made, input.officerUserId);
  await fileBridgeReports(tx, tenantId, online, input.supervisorUserId);
  const members = await queryRows<{ member_id: string }>(tx, sql`select distinct member_id from conference_invitations
    where tenant_id = ${tenantId} and campaign_id = ${c.campaignId} and member_id is not null`);
  await refreshParticipants(tx, tenantId, c.campaignId, members.map((m) => m.member_id));
  return 4;
}

async function createConference(tx: Executor, input: DemoCampaignInput, campaignId: string, s: ConferenceSpec): Promise<string> {
  const conferenceId = input.id(`conference:${s.key}`);
  await tx.execute(sql`insert into conferences (tenant_id, id, campaign_id, org_id, title, audience_kind, format, venue, capacity, starts_at, ends_at, created_by)
    values (${input.tenantId}, ${conferenceId}, ${campaignId}, ${s.orgId}, ${s.title}, ${s.audienceKind}, ${s.format}, ${s.venue}, ${s.capacity},
      ${s.startsAt}::timestamptz, ${s.startsAt}::timestamptz + interval '4 hours', ${input.officerUserId})`);
  await tx.execute(sql`insert into conference_sessions (tenant_id, id, conference_id, seq, venue, capacity, starts_at)
    values (${input.tenantId}, ${input.id(`session:${s.key}:1`)}, ${conferenceId}, 1, ${s.venue}, ${s.capacity}, ${s.startsAt}::timestamptz)`);
  for (const [i, a] of s.agenda.entries()) {
    await tx.execute(sql`insert into conference_agenda_items (tenant_id, id, conference_id, seq, topic, speaker_name, speaker_title, duration_minutes, in_person)
      values (${input.tenantId}, ${input.id(`agenda:${s.key}:${i}`)}, ${conferenceId}, ${i + 1}, ${a.topic}, ${a.speakerName}, ${a.speakerTitle}, ${a.minutes}, ${a.inPerson})`);
  }
  await syncInvitations(tx, input.tenantId, conferenceId);
  return conferenceId;
}

/** The commune's hall seats six in ten of its members: two sessions, whole branches, balanced (seed 000). */
async function splitInTwo(tx: Executor, tenantId: string, conferenceId: string, id: (k: string) => string) {
  const groups = await queryRows<{ branch_id: string; n: number }>(tx, sql`select branch_id, count(*)::int as n from conference_invitations
    where tenant_id = ${tenantId} and conference_id = ${conferenceId} group by branch_id order by n desc, branch_id`);
  const total = groups.reduce((s, g) => s + g.n, 0);
  const capacity = Math.ceil(total * 0.6);
  const loads = [0, 0];
  const sessions: string[][] = [[], []];
  for (const g of groups) { const k = loads[0] <= loads[1] ? 0 : 1; loads[k] += g.n; sessions[k].push(g.branch_id); }
  await tx.execute(sql`update conferences set capacity = ${capacity} where tenant_id = ${tenantId} and id = ${conferenceId}`);
  await tx.execute(sql`update conference_sessions set capacity = ${capacity}, branch_ids = string_to_array(${sessions[0].join(',')}, ',')::uuid[]
    where tenant_id = ${tenantId} and conference_id = ${conferenceId} and seq = 1`);
  await tx.execute(sql`insert into conference_sessions (tenant_id, id, conference_id, seq, venue, capacity, starts_at, branch_ids)
    select tenant_id, ${id(`session:${conferenceId}:2`)}, conference_id, 2, venue, ${capacity}, starts_at + interval '6 hours 30 minutes',
      string_to_array(${sessions[1].join(',')}, ',')::uuid[]
    from conference_sessions where tenant_id = ${tenantId} and conference_id = ${conferenceId} and seq = 1`);
  await syncInvitations(tx, tenantId, conferenceId);
}

/** A number 0–99 per invitation, from a hash of its id and a salt: the demo is the same every time. */
const pick = (salt: string) => sql`(('x' || substr(md5(i.id::text || ${salt}), 1, 7))::bit(28)::int % 100)`;

async function checkInShare(tx: Executor, tenantId: string, conferenceId: string, presentPct: number, by: string) {
  await tx.execute(sql`update conference_invitations i set status = 'present', check_in_method = 'qr', checked_in_by = ${by}::uuid,
      checked_in_at = c.starts_at - interval '20 minutes' + (${pick('t')} * interval '18 seconds')
    from conferences c where c.tenant_id = i.tenant_id and c.id = i.conference_id
      and i.tenant_id = ${tenantId} and i.conference_id = ${conferenceId} and ${pick('p')} < ${presentPct}`);
}

/** A share of invitees checked in, the rest absent, some with reasons; absentees on the make-up list, some already made up. */
async function holdConference(tx: Executor, tenantId: string, conferenceId: string, presentPct: number, madeUpPct: number, by: string) {
  await checkInShare(tx, tenantId, conferenceId, presentPct, by);
  await tx.execute(sql`update conference_invitations i set status = 'absent',
      absence_reason = (array['Ốm', 'Đi công tác', 'Việc gia đình', null, 'Đi làm ăn xa'])[1 + ${pick('r')} % 5]
    where i.tenant_id = ${tenantId} and i.conference_id = ${conferenceId} and i.status = 'invited'`);
  await tx.execute(sql`update conferences set status = 'held' where tenant_id = ${tenantId} and id = ${conferenceId}`);
  await tx.execute(sql`insert into makeups (tenant_id, id, campaign_id, conference_id, invitation_id, member_id, branch_id, mode, status, confirmed_by, confirmed_at, scheduled_at, place)
    select i.tenant_id, gen_random_uuid(), i.campaign_id, i.conference_id, i.id, i.member_id, i.branch_id,
      case when ${pick('m')} < ${madeUpPct} then (case when ${pick('k')} % 2 = 0 then 'session' else 'self_study' end) end,
      case when ${pick('m')} < ${madeUpPct} then 'completed' else 'pending' end,
      case when ${pick('m')} < ${madeUpPct} then ${by}::uuid end,
      case when ${pick('m')} < ${madeUpPct} then timestamptz '2026-11-21 15:00+07' end,
      case when ${pick('m')} < ${madeUpPct} then timestamptz '2026-11-21 14:00+07' end,
      case when ${pick('m')} < ${madeUpPct} then 'Nhà văn hóa thôn' end
    from conference_invitations i where i.tenant_id = ${tenantId} and i.conference_id = ${conferenceId} and i.status = 'absent' and i.member_id is not null`);
}

async function seedBridgePoints(tx: Executor, input: DemoCampaignInput, conferenceId: string, units: Array<{ id: string; name: string }>) {
  for (const [i, unit] of units.entries()) {
    const pointId = input.id(`bridge:${unit.id}`);
    const place = `Hội trường ${unit.name.replace(/^Đảng bộ /, 'Đảng ủy ')}`;
    await tx.execute(sql`insert into bridge_points (tenant_id, id, conference_id, name, place, capacity, supervisor_user_id)
      values (${input.tenantId}, ${pointId}, ${conferenceId}, ${`Điểm cầu số ${i + 1}`}, ${place}, 150, ${input.supervisorUserId})`);
    await tx.execute(sql`insert into bridge_point_units (tenant_id, bridge_point_id, org_id) values (${input.tenantId}, ${pointId}, ${unit.id})`);
  }
  await syncInvitations(tx, input.tenantId, conferenceId);
}

async function fileBridgeReports(tx: Executor, tenantId: string, conferenceId: string, supervisor: string) {
  await tx.execute(sql`update bridge_points p set report_present = x.present, report_expected = x.expected,
      report_remarks = 'Điểm cầu bảo đảm âm thanh, hình ảnh; đảng viên dự đúng thành phần, nghiêm túc theo dõi hội nghị.',
      reported_at = timestamptz '2026-11-12 12:00+07', reported_by = ${supervisor}::uuid
    from (select bridge_point_id, count(*) filter (where status = 'present')::int as present, count(*)::int as expected
          from conference_invitations where tenant_id = ${tenantId} and conference_id = ${conferenceId} group by bridge_point_id) x
    where p.tenant_id = ${tenantId} and p.id = x.bridge_point_id
      -- One point has not reported yet, so the supervisor has something to do in the demo.
      and p.id <> (select id from bridge_points where tenant_id = ${tenantId} and conference_id = ${conferenceId} order by name desc limit 1)`);
}

async function seedDiscussion(tx: Executor, input: DemoCampaignInput, conferenceId: string) {
  const docId = input.id('discussion:1');
  await tx.execute(sql`insert into conference_documents (tenant_id, id, conference_id, kind, title, sections)
    values (${input.tenantId}, ${docId}, ${conferenceId}, 'project', ${DEMO_PLAN.discussion.title}, ${JSON.stringify(DEMO_PLAN.discussion.sections)}::jsonb)`);
  for (const [i, cmt] of DEMO_PLAN.discussion.comments.entries()) {
    await tx.execute(sql`insert into conference_document_comments (tenant_id, id, document_id, section_key, author_user_id, author_name, body)
      values (${input.tenantId}, ${input.id(`comment:${i}`)}, ${docId}, ${cmt.sectionKey}, ${input.supervisorUserId}, ${cmt.author}, ${cmt.body})`);
  }
}
