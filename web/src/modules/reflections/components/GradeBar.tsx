import { Tooltip } from 'antd';
import type { GradeLabel } from '../stats-api';
import { GRADE_COLORS } from '../stats-labels';
import { formatNumber, formatPercent, percentOf } from '../../../shared/lib/format';

/** The approved grades as one stacked bar (share of those graded), with an optional legend beneath. */
export function GradeBar({ grades, perGrade, legend = false }: { grades: GradeLabel[]; perGrade: Record<string, number>; legend?: boolean }) {
  const total = grades.reduce((n, g) => n + (perGrade[g.key] ?? 0), 0);
  const color = (i: number) => GRADE_COLORS[Math.min(i, GRADE_COLORS.length - 1)];
  const text = grades.map((g) => `${g.label}: ${formatNumber(perGrade[g.key] ?? 0)}`).join(' · ');
  return (
    <div className="qt-grade-bar-wrap">
      <Tooltip title={total ? text : undefined}>
        <div className="qt-grade-bar" role="img" aria-label={total ? text : 'Chưa có bài được duyệt điểm'}>
          {total === 0 ? <span className="qt-grade-bar-empty">—</span> : grades.map((g, i) => {
            const n = perGrade[g.key] ?? 0;
            return n > 0 ? <span key={g.key} style={{ flexGrow: n, background: color(i) }} /> : null;
          })}
        </div>
      </Tooltip>
      {legend && (
        <div className="qt-grade-legend">
          {grades.map((g, i) => (
            <span key={g.key}><i style={{ background: color(i) }} />{g.label} <strong>{formatNumber(perGrade[g.key] ?? 0)}</strong>
              {total > 0 && <small> ({formatPercent(percentOf(perGrade[g.key] ?? 0, total), 0)})</small>}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
