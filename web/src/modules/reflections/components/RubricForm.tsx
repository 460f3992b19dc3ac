import { useEffect, useRef, useState } from 'react';
import { Button, Input, Radio, Typography } from 'antd';
import type { Grade, Rubric } from '../grading-api';
import { G, gradeLabel } from '../grading-labels';

export interface RubricValue {
  levels: Record<string, string>; criterionComments: Record<string, string>; comment: string;
  /** The grade chosen by hand; null follows the suggestion. */
  grade: string | null;
}

export const valueOf = (g: Grade | undefined): RubricValue => ({
  levels: { ...(g?.levels ?? {}) }, criterionComments: { ...(g?.criterionComments ?? {}) }, comment: g?.comment ?? '',
  // A saved grade equal to the suggestion keeps following it.
  grade: g && g.grade && g.grade !== g.suggestedGrade ? g.grade : null,
});

/** Same rule as the server (reflections.rubric.ts): the best grade whose threshold the average reaches. */
export function suggest(rubric: Rubric, levels: Record<string, string>): { grade: string | null; average: number | null } {
  const points = new Map(rubric.levels.map((l) => [l.key, l.points]));
  if (rubric.criteria.some((c) => !points.has(levels[c.key]))) return { grade: null, average: null };
  const average = rubric.criteria.reduce((s, c) => s + points.get(levels[c.key])!, 0) / rubric.criteria.length;
  return { grade: rubric.grades.find((g) => average + 1e-9 >= g.minAverage)?.key ?? null, average };
}

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * The rubric: a row of level buttons per criterion, optional comments, the suggested and chosen grade.
 * Keys 1–n choose the level of the focused criterion and move to the next; Enter calls onEnter.
 */
export function RubricForm({ rubric, value, onChange, disabled, onEnter }: {
  rubric: Rubric; value: RubricValue; onChange: (v: RubricValue) => void; disabled: boolean; onEnter: () => void;
}) {
  const [focused, setFocused] = useState(() => Math.max(0, rubric.criteria.findIndex((c) => !value.levels[c.key])));
  const [openComments, setOpenComments] = useState<Record<string, boolean>>({});
  const latest = useRef({ value, onChange, onEnter, focused, disabled });
  latest.current = { value, onChange, onEnter, focused, disabled };
  const { grade: suggested, average } = suggest(rubric, value.levels);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const cur = latest.current;
      if (cur.disabled || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Enter') { e.preventDefault(); cur.onEnter(); return; }
      const n = Number(e.key);
      if (!Number.isInteger(n) || n < 1 || n > rubric.levels.length) return;
      const criterion = rubric.criteria[cur.focused];
      if (!criterion) return;
      e.preventDefault();
      cur.onChange({ ...cur.value, levels: { ...cur.value.levels, [criterion.key]: rubric.levels[n - 1].key } });
      setFocused((f) => Math.min(f + 1, rubric.criteria.length - 1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rubric]);

  const setLevel = (key: string, level: string) => onChange({ ...value, levels: { ...value.levels, [key]: level } });
  return (
    <div className="qt-rubric" data-testid="rubric-form">
      {rubric.criteria.map((c, i) => (
        <div key={c.key} className={`qt-criterion${i === focused && !disabled ? ' qt-criterion-focused' : ''}`} onClick={() => setFocused(i)} data-testid={`criterion-${c.key}`}>
          <div className="qt-criterion-title">({c.key}) {c.label}</div>
          {c.hint && <Typography.Text type="secondary" className="qt-criterion-hint">{c.hint}</Typography.Text>}
          <Radio.Group optionType="button" buttonStyle="solid" disabled={disabled} value={value.levels[c.key]} className="qt-level-buttons"
            onChange={(e) => { setLevel(c.key, e.target.value); setFocused(Math.min(i + 1, rubric.criteria.length - 1)); }}
            options={rubric.levels.map((l, k) => ({ value: l.key, label: <><span className="qt-key-hint">{k + 1}</span>{l.label}</> }))} />
          {openComments[c.key] || value.criterionComments[c.key] ? (
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={G.criterionComment} disabled={disabled} maxLength={2000}
              value={value.criterionComments[c.key] ?? ''} style={{ marginTop: 6 }}
              onChange={(e) => onChange({ ...value, criterionComments: { ...value.criterionComments, [c.key]: e.target.value } })} />
          ) : !disabled && (
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpenComments({ ...openComments, [c.key]: true })}>+ {G.criterionComment}</Button>
          )}
        </div>
      ))}
      <div className="qt-grade-box">
        <Typography.Text type="secondary">{G.suggested(gradeLabel(rubric, suggested), average === null ? null : average.toLocaleString('vi-VN', { maximumFractionDigits: 2 }))}</Typography.Text>
        <div className="qt-criterion-title" style={{ marginTop: 8 }}>{G.finalGrade}</div>
        <Radio.Group optionType="button" buttonStyle="solid" disabled={disabled} value={value.grade ?? suggested ?? undefined} className="qt-level-buttons"
          onChange={(e) => onChange({ ...value, grade: e.target.value === suggested ? null : e.target.value })}
          options={rubric.grades.map((g) => ({ value: g.key, label: g.label }))} data-testid="grade-choice" />
        {value.grade && value.grade !== suggested && !disabled && (
          <Button type="link" size="small" onClick={() => onChange({ ...value, grade: null })}>{G.useSuggestion}</Button>
        )}
      </div>
      <div className="qt-criterion-title">{G.comment}</div>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} disabled={disabled} maxLength={5000} value={value.comment}
        onChange={(e) => onChange({ ...value, comment: e.target.value })} data-testid="grade-comment" />
      <Typography.Paragraph type="secondary" className="qt-keys">{G.keys}</Typography.Paragraph>
    </div>
  );
}
