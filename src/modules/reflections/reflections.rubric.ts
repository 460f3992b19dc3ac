/**
 * The grading rubric as data, and its pure rules: validation, which criteria still lack a level, and the
 * overall grade the levels suggest. No database, no I/O.
 */
import type { Rubric } from './reflections.table.js';

export type { Rubric };

/** The four criteria of the plan (seed 001) on a four-level scale; grades as most branches use them. */
export const DEFAULT_RUBRIC: Rubric = {
  criteria: [
    { key: 'a', label: 'Bám sát nội dung Nghị quyết', hint: 'Bài viết theo đúng nội dung của Nghị quyết' },
    {
      key: 'b', label: 'Nhận thức của bản thân về những điểm cơ bản, điểm mới',
      hint: 'Phân tích sâu sắc nhận thức của bản thân về những nội dung cơ bản, điểm mới của Nghị quyết',
    },
    {
      key: 'c', label: 'Liên hệ thực tiễn ngành, địa phương, đơn vị và bản thân',
      hint: 'Liên hệ với thực tiễn của ngành, địa phương, cơ quan, đơn vị và của bản thân',
    },
    { key: 'd', label: 'Đề xuất kiến nghị, giải pháp', hint: 'Đề xuất kiến nghị, giải pháp thực hiện Nghị quyết' },
  ],
  levels: [
    { key: 'tot', label: 'Tốt', points: 3 },
    { key: 'kha', label: 'Khá', points: 2 },
    { key: 'dat', label: 'Đạt', points: 1 },
    { key: 'chua_dat', label: 'Chưa đạt', points: 0 },
  ],
  grades: [
    { key: 'tot', label: 'Tốt', minAverage: 2.5 },
    { key: 'kha', label: 'Khá', minAverage: 1.75 },
    { key: 'dat', label: 'Đạt', minAverage: 1 },
    { key: 'chua_dat', label: 'Chưa đạt', minAverage: 0 },
  ],
};

/** Averages are compared with this slack, so 7/4 reaches 1.75 whatever the float rounding. */
const EPSILON = 1e-9;

export interface RubricIssue { path: string; message: string }

function duplicates(keys: string[]): string[] {
  return [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
}

/**
 * Problems of a rubric, in Vietnamese, or an empty list. Keys unique in each list; levels ordered best
 * first by strictly falling points; grades best first by strictly falling minAverage, the last one
 * reachable by the lowest level, so that every complete set of levels gets exactly one grade.
 */
export function validateRubric(r: Rubric): RubricIssue[] {
  const issues: RubricIssue[] = [];
  if (r.criteria.length === 0) issues.push({ path: 'rubric.criteria', message: 'Cần ít nhất một tiêu chí' });
  if (r.levels.length < 2) issues.push({ path: 'rubric.levels', message: 'Cần ít nhất hai mức đánh giá' });
  if (r.grades.length === 0) issues.push({ path: 'rubric.grades', message: 'Cần ít nhất một mức xếp loại' });
  for (const [list, name] of [[r.criteria, 'criteria'], [r.levels, 'levels'], [r.grades, 'grades']] as const) {
    for (const key of duplicates(list.map((x) => x.key))) {
      issues.push({ path: `rubric.${name}`, message: `Mã "${key}" bị trùng` });
    }
  }
  r.levels.forEach((l, i) => {
    if (i > 0 && !(l.points < r.levels[i - 1].points)) {
      issues.push({ path: `rubric.levels.${i}.points`, message: `Mức "${l.label}" phải có điểm thấp hơn mức đứng trước (xếp từ cao xuống thấp)` });
    }
  });
  r.grades.forEach((g, i) => {
    if (i > 0 && !(g.minAverage < r.grades[i - 1].minAverage)) {
      issues.push({ path: `rubric.grades.${i}.minAverage`, message: `Xếp loại "${g.label}" phải có ngưỡng thấp hơn xếp loại đứng trước (xếp từ cao xuống thấp)` });
    }
  });
  const lowestPoints = Math.min(...r.levels.map((l) => l.points));
  const last = r.grades.at(-1);
  if (last && r.levels.length > 0 && last.minAverage > lowestPoints + EPSILON) {
    issues.push({ path: `rubric.grades.${r.grades.length - 1}.minAverage`, message: `Ngưỡng của xếp loại thấp nhất ("${last.label}") không được cao hơn điểm của mức thấp nhất (${lowestPoints})` });
  }
  return issues;
}

/** The criteria that have no level, or a level not on the scale, in `levels`. */
export function missingCriteria(rubric: Rubric, levels: Record<string, string>) {
  const known = new Set(rubric.levels.map((l) => l.key));
  return rubric.criteria.filter((c) => !known.has(levels[c.key]));
}

/** The average points of a complete set of levels; null when a criterion lacks a valid level. */
export function averagePoints(rubric: Rubric, levels: Record<string, string>): number | null {
  if (rubric.criteria.length === 0 || missingCriteria(rubric, levels).length > 0) return null;
  const points = new Map(rubric.levels.map((l) => [l.key, l.points]));
  const total = rubric.criteria.reduce((sum, c) => sum + points.get(levels[c.key])!, 0);
  return total / rubric.criteria.length;
}

/** The best grade whose threshold the average reaches; null until every criterion has a level. */
export function suggestGrade(rubric: Rubric, levels: Record<string, string>): string | null {
  const average = averagePoints(rubric, levels);
  if (average === null) return null;
  return rubric.grades.find((g) => average + EPSILON >= g.minAverage)?.key ?? null;
}

export const gradeLabel = (rubric: Rubric, key: string | null) => (key ? rubric.grades.find((g) => g.key === key)?.label ?? key : null);
export const levelLabel = (rubric: Rubric, key: string | null | undefined) => (key ? rubric.levels.find((l) => l.key === key)?.label ?? key : null);
