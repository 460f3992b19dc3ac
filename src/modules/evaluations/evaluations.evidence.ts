import { sql, type SQL } from 'drizzle-orm';
import { isoTimestamp, queryRows, type Executor } from '../../kernel/db/client.js';
import type { EvidenceLink } from './evaluations.table.js';
import { DEFAULT_RUBRIC, gradeLabel } from '../reflections/index.js';

/**
 * A member's study evidence of a year, read live from the records of attendance, make-up study and
 * reflections: the evaluation links to them by id, it never copies them.
 *
 * Read-only SQL over conference_invitations, conferences, makeups, reflections, reflection_settings and
 * campaigns: neither the conferences nor the reflections module offers a per-member, per-year read
 * through its index.ts, and one query per kind for a whole branch beats a call per member and campaign.
 *
 * The year is Vietnam's calendar year of the conference, and of the reflection's submission (a
 * reflection handed in in January counts for that year; the campaign studied in December is not
 * reported as missing a reflection).
 */

export interface AttendanceEvidence {
  id: string; memberId: string; campaignId: string; campaignTitle: string; conferenceId: string; conferenceTitle: string;
  startsAt: string; status: 'invited' | 'present' | 'absent'; absenceReason: string | null;
  makeup: { id: string; status: 'pending' | 'completed'; confirmedAt: string | null } | null;
}
export interface ReflectionEvidence {
  id: string; memberId: string; campaignId: string; campaignTitle: string; status: string; submittedAt: string | null;
  gradeStatus: string; finalGrade: string | null; finalGradeLabel: string | null;
}
export interface Evidence {
  attendance: AttendanceEvidence[];
  reflections: ReflectionEvidence[];
  /** Campaigns of the year the member studied in without a reflection on record. */
  missingReflections: Array<{ campaignId: string; campaignTitle: string }>;
}


function yearBounds(year: number) {
  return { from: `${year}-01-01T00:00:00+07:00`, to: `${year + 1}-01-01T00:00:00+07:00` };
}

const idList = (ids: string[]): SQL => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

export async function evidenceOf(exec: Executor, tenantId: string, memberIds: string[], year: number): Promise<Map<string, Evidence>> {
  const out = new Map<string, Evidence>(memberIds.map((id) => [id, { attendance: [], reflections: [], missingReflections: [] }]));
  if (memberIds.length === 0) return out;
  const { from, to } = yearBounds(year);
  const attendance = await queryRows<Record<string, unknown>>(exec, sql`
    select i.id, i.member_id as "memberId", i.campaign_id as "campaignId", ca.title as "campaignTitle", c.id as "conferenceId",
      c.title as "conferenceTitle", c.starts_at as "startsAt", i.status, i.absence_reason as "absenceReason",
      mk.id as "makeupId", mk.status as "makeupStatus", mk.confirmed_at as "makeupConfirmedAt"
    from conference_invitations i
    join conferences c on c.tenant_id = i.tenant_id and c.id = i.conference_id
    join campaigns ca on ca.tenant_id = i.tenant_id and ca.id = i.campaign_id
    left join makeups mk on mk.tenant_id = i.tenant_id and mk.invitation_id = i.id
    where i.tenant_id = ${tenantId} and i.member_id in (${idList(memberIds)}) and c.status <> 'cancelled'
      and c.starts_at >= ${from}::timestamptz and c.starts_at < ${to}::timestamptz
    order by c.starts_at, c.id`);
  for (const r of attendance) {
    out.get(r.memberId as string)!.attendance.push({
      id: r.id as string, memberId: r.memberId as string, campaignId: r.campaignId as string, campaignTitle: r.campaignTitle as string,
      conferenceId: r.conferenceId as string, conferenceTitle: r.conferenceTitle as string, startsAt: isoTimestamp(r.startsAt)!,
      status: r.status as AttendanceEvidence['status'], absenceReason: (r.absenceReason as string | null) ?? null,
      makeup: r.makeupId ? { id: r.makeupId as string, status: r.makeupStatus as 'pending' | 'completed', confirmedAt: isoTimestamp(r.makeupConfirmedAt) } : null,
    });
  }
  const reflections = await queryRows<Record<string, unknown>>(exec, sql`
    select r.id, r.member_id as "memberId", r.campaign_id as "campaignId", ca.title as "campaignTitle", r.status,
      r.submitted_at as "submittedAt", r.grade_status as "gradeStatus", r.final_grade as "finalGrade",
      (r.submitted_at is null or (r.submitted_at >= ${from}::timestamptz and r.submitted_at < ${to}::timestamptz)) as "inYear",
      (select g->>'label' from jsonb_array_elements(coalesce(s.rubric->'grades', '[]'::jsonb)) g where g->>'key' = r.final_grade limit 1) as "finalGradeLabel"
    from reflections r
    join campaigns ca on ca.tenant_id = r.tenant_id and ca.id = r.campaign_id
    left join reflection_settings s on s.tenant_id = r.tenant_id and s.campaign_id = r.campaign_id
    where r.tenant_id = ${tenantId} and r.member_id in (${idList(memberIds)}) and (
      (r.submitted_at >= ${from}::timestamptz and r.submitted_at < ${to}::timestamptz)
      or exists (select 1 from conference_invitations i join conferences c on c.tenant_id = i.tenant_id and c.id = i.conference_id
        where i.tenant_id = r.tenant_id and i.member_id = r.member_id and i.campaign_id = r.campaign_id and c.status <> 'cancelled'
          and c.starts_at >= ${from}::timestamptz and c.starts_at < ${to}::timestamptz))
    order by r.submitted_at nulls last, r.id`);
  const written = new Map<string, Set<string>>(memberIds.map((id) => [id, new Set()]));
  for (const r of reflections) {
    written.get(r.memberId as string)!.add(r.campaignId as string);
    if (!r.inYear) continue;
    const finalGrade = (r.finalGrade as string | null) ?? null;
    out.get(r.memberId as string)!.reflections.push({
      id: r.id as string, memberId: r.memberId as string, campaignId: r.campaignId as string, campaignTitle: r.campaignTitle as string,
      status: r.status as string, submittedAt: isoTimestamp(r.submittedAt), gradeStatus: r.gradeStatus as string, finalGrade,
      finalGradeLabel: (r.finalGradeLabel as string | null) ?? gradeLabel(DEFAULT_RUBRIC, finalGrade),
    });
  }
  for (const [memberId, ev] of out) {
    const studied = new Map<string, string>();
    for (const a of ev.attendance) if (a.status === 'present' || a.makeup?.status === 'completed') studied.set(a.campaignId, a.campaignTitle);
    const has = written.get(memberId)!;
    ev.missingReflections = [...studied].filter(([id]) => !has.has(id)).map(([campaignId, campaignTitle]) => ({ campaignId, campaignTitle }));
  }
  return out;
}

/** The links of `evidence` a member may cite: each kind with the ids of that member's records of the year. */
export function linkableIds(ev: Evidence): Map<EvidenceLink['kind'], Map<string, string>> {
  return new Map<EvidenceLink['kind'], Map<string, string>>([
    ['attendance', new Map(ev.attendance.map((a) => [a.id, a.campaignId]))],
    ['makeup', new Map(ev.attendance.filter((a) => a.makeup).map((a) => [a.makeup!.id, a.campaignId]))],
    ['reflection', new Map(ev.reflections.map((r) => [r.id, r.campaignId]))],
    // Personal action plans are not built yet: nothing can be linked.
    ['action_plan', new Map()],
  ]);
}
