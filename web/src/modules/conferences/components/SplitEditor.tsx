import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Input, InputNumber, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useApplySessions, useSplitProposal, type ConferenceDetail, type SplitBranch, type SplitProposal } from '../api';
import { fromIso, T, toVnIso } from '../labels';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

interface Draft { venue: string; capacity: number | null; startsAt: Dayjs }

/** Sessions as proposed, then as the officer moves branches between them; sizes follow each move. */
function initialDrafts(c: ConferenceDetail, p: SplitProposal): Draft[] {
  const start = fromIso(c.startsAt);
  return p.sessions.map((_, i) => {
    const next = start.add(i, 'day');
    const within = !c.deadline || next.format('YYYY-MM-DD') <= c.deadline;
    return { venue: c.venue, capacity: p.capacity, startsAt: within ? next : start.add(4 * i, 'hour') };
  });
}

export function SplitEditor({ c, capacity, onDone }: { c: ConferenceDetail; capacity: number; onDone: () => void }) {
  const proposal = useSplitProposal(c.id, capacity);
  if (proposal.isPending) return <Skeleton active />;
  if (proposal.isError) return <ProblemAlert error={proposal.error} />;
  return <Editor c={c} p={proposal.data} onDone={onDone} />;
}

function Editor({ c, p, onDone }: { c: ConferenceDetail; p: SplitProposal; onDone: () => void }) {
  const { message } = App.useApp();
  const apply = useApplySessions(c.id);
  const [drafts, setDrafts] = useState<Draft[]>(() => initialDrafts(c, p));
  const [seatOf, setSeatOf] = useState<Record<string, number>>(() =>
    Object.fromEntries(p.sessions.flatMap((s, i) => s.branches.map((b) => [b.branchId, i]))));
  const branches = useMemo(() => p.sessions.flatMap((s) => s.branches), [p]);
  const oversized = new Set(p.sessions.filter((s) => s.oversized).map((s) => s.branches[0].branchId));
  const members = (i: number) => branches.filter((b) => seatOf[b.branchId] === i);
  const load = (i: number) => members(i).reduce((s, b) => s + b.count, 0) + (i === 0 ? p.guests : 0);
  const patch = (i: number, d: Partial<Draft>) => setDrafts((all) => all.map((x, k) => (k === i ? { ...x, ...d } : x)));

  const submit = () => {
    const used = drafts.map((d, i) => ({ d, i })).filter(({ i }) => i === 0 || members(i).length > 0);
    apply.mutate(used.map(({ d, i }, k) => ({
      seq: k + 1, venue: d.venue, capacity: d.capacity, startsAt: toVnIso(d.startsAt), branchIds: members(i).map((b) => b.branchId),
    })), { onSuccess: () => { message.success(T.applied); onDone(); } });
  };

  return (
    <div data-testid="split-editor">
      {p.warnings.map((w, i) => <Alert key={i} type="warning" showIcon title={w.message} style={{ marginBottom: 8 }} />)}
      <ProblemAlert error={apply.error} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: 12 }}>
        {drafts.map((d, i) => (
          <Card key={i} size="small" data-testid="split-session" title={<>{T.session(i + 1)} <Tag color={d.capacity !== null && load(i) > d.capacity ? 'error' : 'success'}>{T.load(load(i), d.capacity ?? 0)}</Tag></>}>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <label className="qt-field-label">{T.sessionVenue}</label>
              <Input value={d.venue} onChange={(e) => patch(i, { venue: e.target.value })} aria-label={T.sessionVenue} />
              <label className="qt-field-label">{T.sessionStart}</label>
              <DatePicker aria-label={T.sessionStart} showTime={{ format: 'HH:mm', minuteStep: 5 }} format="DD/MM/YYYY HH:mm" value={d.startsAt} allowClear={false} style={{ width: '100%' }}
                disabledDate={(x) => !!c.deadline && x.format('YYYY-MM-DD') > c.deadline} onChange={(v) => v && patch(i, { startsAt: v })} />
              <label className="qt-field-label">{T.capacity}</label>
              <InputNumber aria-label={T.capacity} min={1} value={d.capacity} onChange={(v) => patch(i, { capacity: v })} style={{ width: '100%' }} />
              {i === 0 && p.guests > 0 && <Typography.Text type="secondary">{T.guests(p.guests)}</Typography.Text>}
              {members(i).map((b) => <BranchRow key={b.branchId} b={b} flagged={oversized.has(b.branchId)} seat={i} sessions={drafts.length}
                onMove={(to) => setSeatOf((s) => ({ ...s, [b.branchId]: to }))} />)}
            </Space>
          </Card>
        ))}
      </div>
      <Space style={{ marginTop: 12 }} wrap>
        <Button icon={<PlusOutlined />} onClick={() => setDrafts((all) => [...all, { ...all[all.length - 1] }])}>{T.addSession}</Button>
        <Button type="primary" onClick={submit} loading={apply.isPending} data-testid="apply-split">{T.apply}</Button>
        <Button onClick={onDone}>{T.cancelBtn}</Button>
      </Space>
    </div>
  );
}

function BranchRow({ b, flagged, seat, sessions, onMove }: { b: SplitBranch; flagged: boolean; seat: number; sessions: number; onMove: (to: number) => void }) {
  return (
    <div data-testid="split-branch" data-branch-id={b.branchId} style={{ display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'space-between', borderTop: '1px solid #f0f0f0', paddingTop: 6 }}>
      <span>{b.branchName} <Typography.Text type="secondary">({b.count})</Typography.Text> {flagged && <Tag color="error">{T.oversized}</Tag>}</span>
      <Select size="small" value={seat} onChange={onMove} aria-label={`${T.moveTo} — ${b.branchName}`} style={{ width: 110 }}
        options={Array.from({ length: sessions }, (_, k) => ({ value: k, label: T.session(k + 1) }))} />
    </div>
  );
}
