import type { FieldIssue } from '../../kernel/errors/app-error.js';
import type { LevelDeadline, PlanContentItem } from './campaigns.table.js';

/**
 * The cascade's rules as pure functions: a lower plan sits inside the upper one. Dates are ISO
 * `yyyy-mm-dd` strings, which compare correctly as text.
 */

export interface PlanDeadlines {
  levelDeadlines: LevelDeadline[];
  reflectionsBy: string | null;
  reportBy: string | null;
  actionProgramBy: string | null;
}

/** What the upper plans allow: for each field, the value of the nearest upper plan that sets it. */
export type DeadlineLimits = PlanDeadlines;

export type LevelField = 'planBy' | 'conferencesBy';
export type PlanField = 'reflectionsBy' | 'reportBy' | 'actionProgramBy';
export const PLAN_FIELDS: readonly PlanField[] = ['reflectionsBy', 'reportBy', 'actionProgramBy'];

const LEVEL_FIELD_LABELS: Record<LevelField, string> = {
  planBy: 'ban hành kế hoạch',
  conferencesBy: 'tổ chức hội nghị',
};
const PLAN_FIELD_LABELS: Record<PlanField, string> = {
  reflectionsBy: 'nộp bài thu hoạch',
  reportBy: 'báo cáo kết quả',
  actionProgramBy: 'hoàn thành chương trình hành động',
};

/** `2026-12-15` → `15/12/2026`. */
export function formatVnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const later = (a: string | null, b: string | null): boolean => a !== null && b !== null && a > b;

function levelLabel(field: LevelField, levelId: string, levelNames: Record<string, string>): string {
  return `Thời hạn ${LEVEL_FIELD_LABELS[field]} cấp ${levelNames[levelId] ?? levelId}`;
}
const planLabel = (field: PlanField) => `Thời hạn ${PLAN_FIELD_LABELS[field]}`;

/**
 * The limits a plan must respect, from its upper plans nearest first (parent, grandparent, ...):
 * a field the parent leaves open is bound by the nearest plan above that sets it.
 */
export function limitsFromChain(chain: readonly PlanDeadlines[]): DeadlineLimits {
  const levels = new Map<string, LevelDeadline>();
  const limits: DeadlineLimits = { levelDeadlines: [], reflectionsBy: null, reportBy: null, actionProgramBy: null };
  for (const plan of chain) {
    for (const d of plan.levelDeadlines) {
      const cur = levels.get(d.levelId) ?? { levelId: d.levelId, planBy: null, conferencesBy: null };
      levels.set(d.levelId, { levelId: d.levelId, planBy: cur.planBy ?? d.planBy, conferencesBy: cur.conferencesBy ?? d.conferencesBy });
    }
    for (const f of PLAN_FIELDS) limits[f] ??= plan[f];
  }
  limits.levelDeadlines = [...levels.values()];
  return limits;
}

/**
 * The limits with, for each level of `ranks` that no upper plan sets a field for, the nearest
 * constraint above it: that field's value for the closest shallower level the upper plans do set (a
 * "Đảng bộ bộ phận" the province never mentions still holds its conferences within the grassroots
 * deadline). Levels explicitly set keep their own values.
 */
export function withLevelFallback(limits: DeadlineLimits, ranks: Record<string, number>): DeadlineLimits {
  const explicit = limits.levelDeadlines;
  const nearestAbove = (levelId: string, f: LevelField) => explicit
    .filter((d) => d[f] !== null && ranks[d.levelId] !== undefined && ranks[d.levelId] < ranks[levelId])
    .sort((a, b) => ranks[b.levelId] - ranks[a.levelId])[0]?.[f] ?? null;
  const levelIds = [...new Set([...explicit.map((d) => d.levelId), ...Object.keys(ranks)])];
  const levelDeadlines = levelIds.map((levelId) => {
    const own = explicit.find((d) => d.levelId === levelId);
    return {
      levelId,
      planBy: own?.planBy ?? (ranks[levelId] === undefined ? null : nearestAbove(levelId, 'planBy')),
      conferencesBy: own?.conferencesBy ?? (ranks[levelId] === undefined ? null : nearestAbove(levelId, 'conferencesBy')),
    };
  }).filter((d) => d.planBy !== null || d.conferencesBy !== null);
  return { ...limits, levelDeadlines };
}

const limitFor = (limits: DeadlineLimits, levelId: string) => limits.levelDeadlines.find((d) => d.levelId === levelId);

/**
 * A lower plan's deadlines with every field it leaves open filled from the limits (so a lower plan
 * always states the deadlines it works to). Levels the plan lists keep their order; levels only the
 * upper plans set are appended.
 */
export function inheritDeadlines(plan: PlanDeadlines, limits: DeadlineLimits): PlanDeadlines {
  const own = plan.levelDeadlines.map((d) => {
    const lim = limitFor(limits, d.levelId);
    return { levelId: d.levelId, planBy: d.planBy ?? lim?.planBy ?? null, conferencesBy: d.conferencesBy ?? lim?.conferencesBy ?? null };
  });
  const extra = limits.levelDeadlines.filter((l) => !own.some((d) => d.levelId === l.levelId)).map((l) => ({ ...l }));
  const out: PlanDeadlines = { levelDeadlines: [...own, ...extra], reflectionsBy: null, reportBy: null, actionProgramBy: null };
  for (const f of PLAN_FIELDS) out[f] = plan[f] ?? limits[f];
  return out;
}

/** Every deadline later than the upper plans allow, with its field path and a message naming it. */
export function checkAgainstLimits(plan: PlanDeadlines, limits: DeadlineLimits, levelNames: Record<string, string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  plan.levelDeadlines.forEach((d, i) => {
    const lim = limitFor(limits, d.levelId);
    for (const f of ['planBy', 'conferencesBy'] as const) {
      if (lim && later(d[f], lim[f])) {
        issues.push({ path: `levelDeadlines.${i}.${f}`, message: lateMessage(levelLabel(f, d.levelId, levelNames), d[f]!, lim[f]!) });
      }
    }
  });
  for (const f of PLAN_FIELDS) {
    if (later(plan[f], limits[f])) issues.push({ path: f, message: lateMessage(planLabel(f), plan[f]!, limits[f]!) });
  }
  return issues;
}

function lateMessage(label: string, value: string, limit: string): string {
  return `${label} (${formatVnDate(value)}) muộn hơn thời hạn kế hoạch cấp trên cho phép (${formatVnDate(limit)})`;
}

/**
 * Deadlines of one plan that contradict each other: a level issues its plan before it holds its
 * conferences; reflections are written after the conferences; results are reported after both.
 */
export function checkDeadlineOrder(plan: PlanDeadlines, levelNames: Record<string, string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const before = (label: string, value: string, other: string, otherLabel: string) =>
    `${label} (${formatVnDate(value)}) phải sau hoặc cùng ngày ${otherLabel.charAt(0).toLowerCase()}${otherLabel.slice(1)} (${formatVnDate(other)})`;
  plan.levelDeadlines.forEach((d, i) => {
    if (later(d.planBy, d.conferencesBy)) {
      issues.push({ path: `levelDeadlines.${i}.conferencesBy`, message: before(levelLabel('conferencesBy', d.levelId, levelNames), d.conferencesBy!, d.planBy!, levelLabel('planBy', d.levelId, levelNames)) });
    }
  });
  const latestConference = plan.levelDeadlines.reduce<{ date: string; levelId: string } | null>(
    (acc, d) => (d.conferencesBy && (!acc || d.conferencesBy > acc.date) ? { date: d.conferencesBy, levelId: d.levelId } : acc), null);
  const conferenceLabel = latestConference ? levelLabel('conferencesBy', latestConference.levelId, levelNames) : '';
  if (latestConference && later(latestConference.date, plan.reflectionsBy)) {
    issues.push({ path: 'reflectionsBy', message: before(planLabel('reflectionsBy'), plan.reflectionsBy!, latestConference.date, conferenceLabel) });
  }
  const reportFloor = plan.reflectionsBy
    ? { date: plan.reflectionsBy, label: planLabel('reflectionsBy') }
    : latestConference && { date: latestConference.date, label: conferenceLabel };
  if (reportFloor && later(reportFloor.date, plan.reportBy)) {
    issues.push({ path: 'reportBy', message: before(planLabel('reportBy'), plan.reportBy!, reportFloor.date, reportFloor.label) });
  }
  return issues;
}

/** The contents a lower plan starts with: all of the upper plan's, marked with the plan they came from. */
export function inheritContents(parentPlanId: string, parentContents: readonly PlanContentItem[]): PlanContentItem[] {
  return parentContents.map((c) => ({ text: c.text, fromPlanId: c.fromPlanId ?? parentPlanId }));
}

/**
 * Inherited contents may be neither removed, edited, reordered nor invented: the items of `submitted`
 * that carry a `fromPlanId` must be exactly `inherited`, in order. Own items may go anywhere.
 */
export function checkInheritedContents(inherited: readonly PlanContentItem[], submitted: readonly PlanContentItem[]): FieldIssue[] {
  const marked = submitted.map((c, i) => ({ c, i })).filter(({ c }) => c.fromPlanId !== null);
  const issues: FieldIssue[] = [];
  const n = Math.max(marked.length, inherited.length);
  for (let k = 0; k < n; k++) {
    const want = inherited[k];
    const got = marked[k];
    if (want && got && want.text === got.c.text && want.fromPlanId === got.c.fromPlanId) continue;
    issues.push(got
      ? { path: `contents.${got.i}`, message: `Nội dung thứ ${got.i + 1} không khớp với nội dung kế thừa từ kế hoạch cấp trên` }
      : { path: 'contents', message: `Thiếu nội dung kế thừa từ kế hoạch cấp trên: "${want!.text}"` });
    break;
  }
  return issues;
}

/** Whether an org's plan is late: not issued and past its due date, or issued after it. */
export function isPlanLate(p: { required: boolean; dueBy: string | null; issuedOn: string | null; today: string }): boolean {
  if (!p.required || !p.dueBy) return false;
  return p.issuedOn ? p.issuedOn > p.dueBy : p.today > p.dueBy;
}

/**
 * The issue date written on a plan must be a day it could have been signed: not in the future, not
 * before the plan above was issued, not before the plan was approved (otherwise back-dating would
 * clear a "late" flag). `approvedOn` is the approval's day in Vietnam.
 */
export function checkIssueDate(p: { issuedOn: string; today: string; parentIssuedOn: string | null; approvedOn: string | null }): FieldIssue[] {
  const at = formatVnDate(p.issuedOn);
  const issues: FieldIssue[] = [];
  if (p.issuedOn > p.today) issues.push({ path: 'issuedOn', message: `Ngày ban hành (${at}) sau ngày hôm nay (${formatVnDate(p.today)})` });
  if (p.parentIssuedOn && p.issuedOn < p.parentIssuedOn) {
    issues.push({ path: 'issuedOn', message: `Ngày ban hành (${at}) trước ngày ban hành kế hoạch cấp trên (${formatVnDate(p.parentIssuedOn)})` });
  }
  if (p.approvedOn && p.issuedOn < p.approvedOn) {
    issues.push({ path: 'issuedOn', message: `Ngày ban hành (${at}) trước ngày kế hoạch được phê duyệt (${formatVnDate(p.approvedOn)})` });
  }
  return issues;
}
