import { useMemo, useState } from 'react';
import { Alert, App, Button, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useGradingActions, type BulkRow, type Queue, type QueueRow } from '../grading-api';
import { G, gradeLabel, liveGrade } from '../grading-labels';
import { suggest } from './RubricForm';
import { ApiError } from '../../../shared/lib/http';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

interface Entry { levels: Record<string, string>; grade: string | null; comment: string }
const keyOf = (r: QueueRow) => r.reflectionId ?? r.memberId!;

/**
 * Table entry of grades decided on paper: a grade (and levels if known) per member; sent all at once,
 * saved and submitted all or none. Rows already submitted or approved for this marker are shown locked.
 */
export function BulkGradeTable({ queue, marker }: { queue: Queue; marker: number }) {
  const { message } = App.useApp();
  const { bulk } = useGradingActions();
  const isPhone = !Grid.useBreakpoint().md;
  const { rubric } = queue;
  const initial = useMemo(() => new Map(queue.rows.map((r) => {
    const g = liveGrade(r.grades, marker);
    return [keyOf(r), { levels: { ...(g?.levels ?? {}) }, grade: g?.grade ?? null, comment: g?.comment ?? '' }];
  })), [queue, marker]);
  const [edits, setEdits] = useState<Record<string, Entry>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const entry = (r: QueueRow) => edits[keyOf(r)] ?? initial.get(keyOf(r))!;
  const locked = (r: QueueRow) => { const g = liveGrade(r.grades, marker); return !!g && g.status !== 'draft'; };
  const edit = (r: QueueRow, patch: Partial<Entry>) => setEdits({ ...edits, [keyOf(r)]: { ...entry(r), ...patch } });
  const gradeOf = (e: Entry) => e.grade ?? suggest(rubric, e.levels).grade;

  async function send() {
    const sent = queue.rows.filter((r) => edits[keyOf(r)] && !locked(r) && gradeOf(entry(r)));
    if (sent.length === 0) return message.info(G.bulkNothing);
    const rows: BulkRow[] = sent.map((r) => {
      const e = entry(r);
      const levels = Object.keys(e.levels).length ? e.levels : undefined;
      return { ...(r.reflectionId ? { reflectionId: r.reflectionId } : { memberId: r.memberId! }), grade: gradeOf(e), levels, comment: e.comment.trim() || null };
    });
    setError(null); setRowErrors({});
    try {
      const res = await bulk.mutateAsync({ campaignId: queue.campaignId, branchId: queue.branchId, marker, rows });
      setEdits({});
      message.success(G.bulkSaved(res.saved, res.paperRecorded));
    } catch (e) {
      // "rows.3.grade" → the table row it came from, so the message sits beside the name the user sees.
      const byRow: Record<string, string> = {};
      for (const issue of e instanceof ApiError ? e.problem.errors ?? [] : []) {
        const i = Number(/^rows\.(\d+)\./.exec(issue.path ?? '')?.[1]);
        if (sent[i]) byRow[keyOf(sent[i])] = `${sent[i].label}: ${issue.message.replace(/^Dòng \d+: /, '')}`;
      }
      setRowErrors(byRow);
      setError(e);
    }
  }

  const levelOptions = rubric.levels.map((l) => ({ value: l.key, label: l.label }));
  const gradeOptions = rubric.grades.map((g) => ({ value: g.key, label: g.label }));
  return (
    <div className="qt-bulk-table" data-testid="bulk-table">
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={G.bulkHint} />
      {error ? (Object.keys(rowErrors).length
        ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={(error as ApiError).problem.title}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{Object.values(rowErrors).map((m) => <li key={m}>{m}</li>)}</ul>} />
        : <ProblemAlert error={error} />) : null}
      <Table<QueueRow> rowKey={keyOf} dataSource={queue.rows} pagination={false} size="small" scroll={{ x: isPhone ? 520 : undefined }}
        rowClassName={(r) => (rowErrors[keyOf(r)] ? 'qt-row-error' : '')}
        columns={[
          { title: 'STT', width: 48, render: (_v, _r, i) => i + 1 },
          { title: G.name, width: isPhone ? 140 : 200, render: (_v, r) => <span>{r.label}{r.status === 'missing' && <><br /><Tag>{G.missing}</Tag></>}</span> },
          ...(isPhone ? [] : rubric.criteria.map((c) => ({
            title: <span title={c.label}>({c.key})</span>, key: c.key, width: 110,
            render: (_v: unknown, r: QueueRow) => (
              <Select size="small" allowClear options={levelOptions} disabled={locked(r)} value={entry(r).levels[c.key]} aria-label={`(${c.key}) ${r.label}`}
                onChange={(v?: string) => { const levels = { ...entry(r).levels }; if (v) levels[c.key] = v; else delete levels[c.key]; edit(r, { levels }); }} />
            ),
          }))),
          {
            title: G.finalGrade, width: 130, render: (_v, r) => {
              const e = entry(r);
              return locked(r) ? <Tag>{gradeLabel(rubric, liveGrade(r.grades, marker)?.grade)} · {G.locked}</Tag> : (
                <Select size="small" allowClear options={gradeOptions} value={gradeOf(e) ?? undefined} aria-label={`${G.finalGrade} ${r.label}`}
                  data-testid="bulk-grade" onChange={(v?: string) => edit(r, { grade: v ?? null })} />
              );
            },
          },
          {
            title: G.comment, render: (_v, r) => (
              <Input size="small" disabled={locked(r)} value={entry(r).comment} maxLength={5000} onChange={(e) => edit(r, { comment: e.target.value })} />
            ),
          },
        ]} />
      <div className="qt-bulk-actions">
        <Typography.Text type="secondary">{Object.keys(edits).length ? `${Object.keys(edits).length} dòng đã sửa` : ''}</Typography.Text>
        <Button type="primary" icon={<SendOutlined />} onClick={send} loading={bulk.isPending} data-testid="bulk-save">{G.bulkSave}</Button>
      </div>
    </div>
  );
}
