import { Checkbox, Input, InputNumber, Tag, Typography } from 'antd';
import type { Scheme } from '../api';
import { GROUP_LABELS, GRADE_COLORS, T } from '../labels';
import { checkScores, gradeFor, groupMax, GROUPS, isComplete, totalOf, type Grade } from '../../../../../src/modules/evaluations/evaluations.rules';

export interface ScoreState { scores: Record<string, number | null>; confirmations: string[]; reasons: string }

interface Props { scheme: Scheme; value: ScoreState; onChange: (next: ScoreState) => void; readOnly: boolean; large?: boolean }

/** What the entered scores give: the rules are the server's own (shared file), so the preview matches the save. */
export function computeScore(scheme: Scheme, value: ScoreState) {
  const scores = Object.fromEntries(Object.entries(value.scores).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
  const total = totalOf(scheme, scores);
  const grade = gradeFor(scheme, total, value.confirmations);
  const issues = checkScores(scheme, scores);
  // The best grade the total alone reaches, when a condition still holds it back.
  const byScore = scheme.grades.find((g) => total >= g.minScore);
  const heldBack = byScore && byScore.key !== grade.key ? byScore : null;
  // A grade means something only once every criterion of the scheme has a score (as for approval).
  const scored = scheme.criteria.filter((c) => typeof scores[c.key] === 'number').length;
  const complete = isComplete(scheme, scores);
  return { scores, total, grade, issues, heldBack, scored, complete };
}

export function GradeTag({ scheme, grade }: { scheme: Scheme; grade: Pick<Grade, 'key' | 'label'> | null }) {
  if (!grade) return null;
  const rank = scheme.grades.findIndex((g) => g.key === grade.key);
  return <Tag color={GRADE_COLORS[rank] ?? 'default'} className="qt-eval-grade-tag">{grade.label}</Tag>;
}

/** Criterion inputs by group ("Tiêu chí chung (30 điểm)", "Kết quả thực hiện nhiệm vụ (70 điểm)"), conditions, live total and grade, reasons. */
export function ScoreForm({ scheme, value, onChange, readOnly, large }: Props) {
  const { total, grade, issues, heldBack, scored, complete } = computeScore(scheme, value);
  const missing = scheme.criteria.length - scored;
  const issueOf = (key: string) => issues.find((i) => i.path === `scores.${key}`)?.message;
  const setScore = (key: string, v: number | null) => onChange({ ...value, scores: { ...value.scores, [key]: v } });
  const requirements = scheme.grades.flatMap((g) => (g.requires ?? []).map((r) => ({ ...r, grade: g.label })));
  const toggle = (key: string, on: boolean) =>
    onChange({ ...value, confirmations: on ? [...new Set([...value.confirmations, key])] : value.confirmations.filter((k) => k !== key) });

  return (
    <div className="qt-eval-form">
      {GROUPS.map((group) => (
        <fieldset key={group} className="qt-eval-group">
          <legend>{GROUP_LABELS[group]} ({T.points(groupMax(scheme, group))})</legend>
          {scheme.criteria.filter((c) => c.group === group).map((c) => (
            <div key={c.key} className="qt-eval-criterion">
              <label htmlFor={`score-${c.key}`}>{c.label}</label>
              <div className="qt-eval-input">
                <InputNumber id={`score-${c.key}`} size={large ? 'large' : 'middle'} min={0} max={c.maxPoints} step={0.5} inputMode="decimal"
                  value={value.scores[c.key] ?? null} disabled={readOnly} status={issueOf(c.key) ? 'error' : undefined}
                  onChange={(v) => setScore(c.key, typeof v === 'number' ? v : null)} style={{ width: 96 }}
                  formatter={(v, info) => (info.userTyping ? info.input : v === undefined || String(v) === '' ? '' : String(Number(v)))} />
                <span className="qt-eval-max">/ {c.maxPoints}</span>
              </div>
              {issueOf(c.key) && <div className="qt-eval-issue">{issueOf(c.key)}</div>}
            </div>
          ))}
        </fieldset>
      ))}
      {requirements.map((r) => (
        <div key={r.key} className="qt-eval-requirement">
          <Checkbox checked={value.confirmations.includes(r.key)} disabled={readOnly} onChange={(e) => toggle(r.key, e.target.checked)}>
            {r.label} <Typography.Text type="secondary">({T.requirement(r.grade)})</Typography.Text>
          </Checkbox>
        </div>
      ))}
      <div className="qt-eval-total" aria-live="polite" data-testid="evaluation-total">
        {scored === 0 ? (
          <><span>{T.totalLine}: <strong>—</strong></span><Tag className="qt-eval-grade-tag" data-testid="evaluation-unscored">{T.unscored}</Tag></>
        ) : (
          <>
            <span>{complete ? T.totalLine : T.totalSoFar}: <strong>{total.toLocaleString('vi-VN')}</strong> / 100</span>
            {complete && <GradeTag scheme={scheme} grade={grade} />}
          </>
        )}
      </div>
      {scored > 0 && missing > 0 && <div><Typography.Text type="secondary">{T.missingScores(missing)}</Typography.Text></div>}
      {complete && heldBack && <Typography.Text type="warning">{T.needsConfirm(heldBack.label)}</Typography.Text>}
      <label htmlFor="eval-reasons" className="qt-field-label" style={{ marginTop: 12 }}>{T.reasons}</label>
      <Input.TextArea id="eval-reasons" rows={4} maxLength={5000} value={value.reasons} disabled={readOnly} placeholder={T.reasonsHint}
        onChange={(e) => onChange({ ...value, reasons: e.target.value })} />
    </div>
  );
}
