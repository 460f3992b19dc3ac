import { sql } from 'drizzle-orm';
import { isoTimestamp as iso, queryRows, type Executor } from '../../kernel/db/client.js';
import { DEFAULT_RUBRIC, type Rubric } from './reflections.rubric.js';

const uuids = (ids: readonly string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export interface RecordVersion {
  seq: number; submittedAt: string; source: 'member' | 'branch' | 'paper'; pages: number; hasPdf: boolean; hasText: boolean; receiptNumber: string;
}
export interface RecordGrade {
  marker: number; revision: number; status: 'draft' | 'submitted' | 'approved';
  levels: Array<{ criterion: string; criterionLabel: string; level: string; levelLabel: string; comment: string | null }>;
  comment: string | null; grade: string | null; gradeLabel: string | null;
  gradedByName: string | null; approvedByName: string | null; approvedAt: string | null; correctionReason: string | null;
}
export interface RecordReflection {
  id: string; campaignId: string; branchName: string; status: 'submitted' | 'paper'; submittedAt: string | null;
  gradeStatus: string; finalGrade: string | null; finalGradeLabel: string | null; versions: RecordVersion[]; grades: RecordGrade[];
}
export interface RecordSettings { dueAt: string | null; writers: 'studied' | 'covered' }

/**
 * One member's reflections across campaigns, for their file: every version (when, how, how many pages,
 * the receipt) and the grading on the campaign's rubric with labels. Grades still in progress (draft or
 * submitted, not yet approved by the secretary) only when `withWorkInProgress`; superseded revisions
 * never (the approved correction carries its reason). No access decision here. Under blind second marking
 * (reflections.grading.state.ts isBlind) another marker's grade in progress is left out for `viewerId`.
 */
export async function memberReflectionRecord(exec: Executor, tenantId: string, memberId: string, opts: { campaignIds: string[]; withWorkInProgress: boolean; viewerId?: string }) {
  const settingsRows = opts.campaignIds.length === 0 ? [] : await queryRows<Record<string, unknown>>(exec, sql`select campaign_id, due_at, writers, rubric, second_marker
    from reflection_settings where tenant_id = ${tenantId} and campaign_id = any(${uuids(opts.campaignIds)})`);
  const settings: Record<string, RecordSettings> = {};
  const rubrics = new Map<string, Rubric>();
  const secondMarker = new Set(settingsRows.filter((r) => r.second_marker).map((r) => r.campaign_id as string));
  for (const r of settingsRows) {
    settings[r.campaign_id as string] = { dueAt: iso(r.due_at), writers: r.writers === 'covered' ? 'covered' : 'studied' };
    const rubric = json<Rubric | null>(r.rubric);
    if (rubric?.grades?.length) rubrics.set(r.campaign_id as string, rubric);
  }
  const rows = await queryRows<Record<string, unknown>>(exec, sql`select r.id, r.campaign_id, o.name as branch_name, r.status, r.submitted_at,
      r.grade_status, r.final_grade
    from reflections r join orgs o on o.tenant_id = r.tenant_id and o.id = r.branch_id
    where r.tenant_id = ${tenantId} and r.member_id = ${memberId}::uuid order by r.created_at`);
  const ids = rows.map((r) => r.id as string);
  const versions = ids.length === 0 ? [] : await queryRows<Record<string, unknown>>(exec, sql`select reflection_id, seq, submitted_at, source,
      jsonb_array_length(pages)::int as pages, pdf_hash is not null as has_pdf, coalesce(text, '') <> '' as has_text, receipt_number
    from reflection_versions where tenant_id = ${tenantId} and reflection_id = any(${uuids(ids)}) order by seq desc`);
  const statuses = opts.withWorkInProgress ? sql`g.status <> 'superseded'` : sql`g.status = 'approved'`;
  const grades = ids.length === 0 ? [] : await queryRows<Record<string, unknown>>(exec, sql`select g.reflection_id, g.marker, g.revision, g.status,
      g.levels, g.criterion_comments, g.comment, g.grade, g.graded_by, gu.display_name as graded_by_name, au.display_name as approved_by_name,
      g.approved_at, g.correction_reason
    from reflection_grades g
    left join users gu on gu.tenant_id = g.tenant_id and gu.id = g.graded_by
    left join users au on au.tenant_id = g.tenant_id and au.id = g.approved_by
    where g.tenant_id = ${tenantId} and g.reflection_id = any(${uuids(ids)}) and ${statuses}
    order by g.marker`);
  const reflections = rows.map((r): RecordReflection => {
    const rubric = rubrics.get(r.campaign_id as string) ?? DEFAULT_RUBRIC;
    return {
      id: r.id as string, campaignId: r.campaign_id as string, branchName: r.branch_name as string, status: r.status as RecordReflection['status'],
      submittedAt: iso(r.submitted_at), gradeStatus: r.grade_status as string, finalGrade: (r.final_grade as string) ?? null,
      finalGradeLabel: labelOf(rubric.grades, r.final_grade as string | null),
      versions: versions.filter((v) => v.reflection_id === r.id).map((v) => ({
        seq: Number(v.seq), submittedAt: iso(v.submitted_at)!, source: v.source as RecordVersion['source'], pages: Number(v.pages),
        hasPdf: !!v.has_pdf, hasText: !!v.has_text, receiptNumber: v.receipt_number as string,
      })),
      grades: visibleGrades(grades.filter((g) => g.reflection_id === r.id), {
        secondMarker: secondMarker.has(r.campaign_id as string), finalGrade: (r.final_grade as string) ?? null, viewerId: opts.viewerId,
      }).map((g) => toGrade(g, rubric)),
    };
  });
  return { settings, reflections };
}

/** Blind second marking: while a marker has not submitted, neither sees the other's grading (nor does anyone else). */
function visibleGrades(grades: Array<Record<string, unknown>>, o: { secondMarker: boolean; finalGrade: string | null; viewerId?: string }) {
  const done = (m: number) => grades.some((g) => Number(g.marker) === m && (g.status === 'submitted' || g.status === 'approved'));
  const blind = o.secondMarker && !o.finalGrade && !(done(1) && done(2));
  return blind ? grades.filter((g) => g.status === 'approved' || g.graded_by === o.viewerId) : grades;
}

const labelOf = (list: Array<{ key: string; label: string }>, key: string | null) => (key ? list.find((x) => x.key === key)?.label ?? key : null);

function toGrade(g: Record<string, unknown>, rubric: Rubric): RecordGrade {
  const levels = json<Record<string, string>>(g.levels) ?? {};
  const comments = json<Record<string, string>>(g.criterion_comments) ?? {};
  const keys = [...rubric.criteria.map((c) => c.key), ...Object.keys(levels).filter((k) => !rubric.criteria.some((c) => c.key === k))];
  return {
    marker: Number(g.marker), revision: Number(g.revision), status: g.status as RecordGrade['status'],
    levels: keys.filter((k) => levels[k] || comments[k]).map((k) => ({
      criterion: k, criterionLabel: labelOf(rubric.criteria, k)!, level: levels[k] ?? '', levelLabel: labelOf(rubric.levels, levels[k] ?? null) ?? '',
      comment: comments[k] || null,
    })),
    comment: (g.comment as string) ?? null, grade: (g.grade as string) ?? null, gradeLabel: labelOf(rubric.grades, (g.grade as string) ?? null),
    gradedByName: (g.graded_by_name as string) ?? null, approvedByName: (g.approved_by_name as string) ?? null,
    approvedAt: iso(g.approved_at), correctionReason: (g.correction_reason as string) ?? null,
  };
}
