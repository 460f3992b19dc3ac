/**
 * The pure rules of the year-end member evaluation: totals, grades and the checks of a scheme and of
 * a score sheet. No database, no I/O: the web app imports this file too, so the drawer's live total
 * and grade are the ones the server computes.
 */

export type CriterionGroup = 'general' | 'tasks';

export interface Criterion { key: string; group: CriterionGroup; label: string; maxPoints: number }

/** Something the evaluator must confirm before a grade applies (e.g. "≥ 30% of tasks beyond target"). */
export interface GradeRequirement { key: string; label: string }

/** A grade, best first in a scheme; `requires` are evaluator-confirmed conditions beside the score. */
export interface Grade { key: string; label: string; minScore: number; requires?: GradeRequirement[] }

export interface SchemeRules { criteria: Criterion[]; grades: Grade[] }

export interface Issue { path: string; message: string }

export const GROUP_LABELS: Record<CriterionGroup, string> = {
  general: 'Tiêu chí chung',
  tasks: 'Kết quả thực hiện nhiệm vụ',
};
export const GROUPS: CriterionGroup[] = ['general', 'tasks'];
export const TOTAL_POINTS = 100;
export const SCORE_STEP = 0.5;

/** Requirement confirmations ride in the scores map as `confirm:<key>` = 1, apart from criterion keys. */
export const CONFIRM_PREFIX = 'confirm:';

const isStep = (n: number) => Number.isFinite(n) && Math.abs(n / SCORE_STEP - Math.round(n / SCORE_STEP)) < 1e-9;
const round = (n: number) => Math.round(n / SCORE_STEP) * SCORE_STEP;

export function groupMax(rules: SchemeRules, group: CriterionGroup): number {
  return rules.criteria.filter((c) => c.group === group).reduce((s, c) => s + c.maxPoints, 0);
}

/** The sum of the scores of the scheme's criteria; anything else in the map is ignored. */
export function totalOf(rules: SchemeRules, scores: Record<string, number>): number {
  return round(rules.criteria.reduce((s, c) => s + (scores[c.key] ?? 0), 0));
}

/** The best grade whose threshold the total reaches and whose requirements are all confirmed. */
export function gradeFor(rules: SchemeRules, total: number, confirmed: ReadonlySet<string> | readonly string[] = []): Grade {
  const ok = new Set(confirmed);
  const grade = rules.grades.find((g) => total >= g.minScore && (g.requires ?? []).every((r) => ok.has(r.key)));
  return grade ?? rules.grades[rules.grades.length - 1];
}

/** Every requirement key named by the scheme's grades. */
export function requirementKeys(rules: SchemeRules): string[] {
  return [...new Set(rules.grades.flatMap((g) => (g.requires ?? []).map((r) => r.key)))];
}

/** Whether every criterion has a score (an evaluation is approved only when complete). */
export function isComplete(rules: SchemeRules, scores: Record<string, number>): boolean {
  return rules.criteria.every((c) => typeof scores[c.key] === 'number');
}

/** Checks a score sheet against the scheme: known criteria only, each 0..maxPoints in steps of 0.5. */
export function checkScores(rules: SchemeRules, scores: Record<string, number>, confirmations: readonly string[] = []): Issue[] {
  const issues: Issue[] = [];
  const byKey = new Map(rules.criteria.map((c) => [c.key, c]));
  for (const [key, value] of Object.entries(scores)) {
    const c = byKey.get(key);
    if (!c) { issues.push({ path: `scores.${key}`, message: `Tiêu chí "${key}" không có trong quy định đánh giá của năm` }); continue; }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > c.maxPoints) {
      issues.push({ path: `scores.${key}`, message: `${c.label}: điểm phải từ 0 đến ${c.maxPoints}` });
    } else if (!isStep(value)) {
      issues.push({ path: `scores.${key}`, message: `${c.label}: điểm chấm theo bước 0,5` });
    }
  }
  const known = new Set(requirementKeys(rules));
  for (const key of confirmations) {
    if (!known.has(key)) issues.push({ path: 'confirmations', message: `Điều kiện "${key}" không có trong quy định đánh giá của năm` });
  }
  return issues;
}

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** Checks a scheme: criteria of both groups totalling 100 points, grades best first down to 0. */
export function checkScheme(rules: SchemeRules): Issue[] {
  const issues: Issue[] = [];
  const keys = new Set<string>();
  rules.criteria.forEach((c, i) => {
    if (!KEY.test(c.key)) issues.push({ path: `criteria.${i}.key`, message: `Mã tiêu chí "${c.key}" chỉ gồm chữ thường không dấu, số và dấu gạch dưới` });
    if (keys.has(c.key)) issues.push({ path: `criteria.${i}.key`, message: `Mã tiêu chí "${c.key}" bị trùng` });
    keys.add(c.key);
    if (!c.label.trim()) issues.push({ path: `criteria.${i}.label`, message: 'Cần ghi tên tiêu chí' });
    if (!(c.maxPoints > 0) || !isStep(c.maxPoints)) issues.push({ path: `criteria.${i}.maxPoints`, message: `${c.label || c.key}: điểm tối đa phải lớn hơn 0, theo bước 0,5` });
  });
  for (const g of GROUPS) {
    if (!rules.criteria.some((c) => c.group === g)) issues.push({ path: 'criteria', message: `Nhóm "${GROUP_LABELS[g]}" chưa có tiêu chí nào` });
  }
  const sum = round(rules.criteria.reduce((s, c) => s + c.maxPoints, 0));
  if (sum !== TOTAL_POINTS) issues.push({ path: 'criteria', message: `Tổng điểm tối đa các tiêu chí phải bằng ${TOTAL_POINTS} (hiện là ${sum})` });
  if (rules.grades.length < 2) issues.push({ path: 'grades', message: 'Cần ít nhất hai mức xếp loại' });
  const gradeKeys = new Set<string>();
  rules.grades.forEach((g, i) => {
    if (!KEY.test(g.key) || gradeKeys.has(g.key)) issues.push({ path: `grades.${i}.key`, message: `Mã mức xếp loại "${g.key}" không hợp lệ hoặc bị trùng` });
    gradeKeys.add(g.key);
    if (!g.label.trim()) issues.push({ path: `grades.${i}.label`, message: 'Cần ghi tên mức xếp loại' });
    if (!(g.minScore >= 0 && g.minScore <= TOTAL_POINTS)) issues.push({ path: `grades.${i}.minScore`, message: `Ngưỡng điểm phải từ 0 đến ${TOTAL_POINTS}` });
    if (i > 0 && !(g.minScore < rules.grades[i - 1].minScore)) {
      issues.push({ path: `grades.${i}.minScore`, message: 'Các mức xếp loại phải xếp từ cao xuống thấp, ngưỡng điểm giảm dần' });
    }
  });
  const last = rules.grades[rules.grades.length - 1];
  if (last && (last.minScore !== 0 || (last.requires ?? []).length > 0)) {
    issues.push({ path: `grades.${rules.grades.length - 1}`, message: 'Mức thấp nhất phải có ngưỡng 0 điểm và không kèm điều kiện' });
  }
  return issues;
}
