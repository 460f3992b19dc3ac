import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Empty, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { ScissorOutlined } from '@ant-design/icons';
import type { ConferenceDetail, SessionView } from '../api';
import { T } from '../labels';
import { SplitEditor } from './SplitEditor';
import { compareVi, formatDayTime, formatNumber } from '../../../shared/lib/format';

/** Sessions: capacity against invitees; when the hall is too small, a split to propose, adjust and apply. */
export function SessionsTab({ c }: { c: ConferenceDetail }) {
  const hall = c.sessions[0]?.capacity ?? c.capacity;
  const [capacity, setCapacity] = useState<number | null>(hall);
  const [proposing, setProposing] = useState<number | null>(null);
  const editable = c.abilities.canManage && c.status === 'scheduled';
  const tooSmall = hall !== null && c.counts.invited > hall && c.sessions.length === 1;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16 }}>
      {tooSmall && (
        <Alert type="warning" showIcon title={T.overCapacity(c.counts.invited, hall!)} data-testid="over-capacity"
          description={editable ? <Button type="primary" icon={<ScissorOutlined />} onClick={() => setProposing(hall)} style={{ marginTop: 4 }}>{T.proposeSplit}</Button> : undefined} />
      )}
      <SessionTable sessions={c.sessions} />
      {editable && (
        <Space wrap>
          <span>{T.hallCapacity}</span>
          <InputNumber min={1} max={100000} value={capacity} onChange={(v) => setCapacity(v)} aria-label={T.hallCapacity} />
          <Button icon={<ScissorOutlined />} disabled={!capacity} onClick={() => setProposing(capacity)} data-testid="propose-split">{T.proposeSplit}</Button>
        </Space>
      )}
      {editable && proposing && <SplitEditor key={proposing} c={c} capacity={proposing} onDone={() => setProposing(null)} />}
    </div>
  );
}

function SessionTable({ sessions }: { sessions: SessionView[] }) {
  if (sessions.length === 0) return <Empty />;
  return (
    <Table<SessionView> rowKey="id" dataSource={sessions} pagination={false} size="small" scroll={{ x: true }}
      onRow={(s) => ({ 'data-testid': `session-row-${s.seq}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: 'Phiên', dataIndex: 'seq', width: 70 },
        { title: T.sessionStart, key: 'when', width: 170, render: (_, s) => formatDayTime(s.startsAt) },
        { title: T.sessionVenue, dataIndex: 'venue', width: 220 },
        {
          title: 'Được mời / sức chứa', key: 'load', render: (_, s) => {
            const over = s.capacity !== null && s.invited > s.capacity;
            return <Typography.Text type={over ? 'danger' : undefined}>{formatNumber(s.invited)} / {s.capacity ?? '—'}</Typography.Text>;
          },
        },
        { title: 'Chi bộ', key: 'branches', render: (_, s) => s.branches.length ? [...s.branches].sort((a, b) => compareVi(a.name, b.name)).map((b) => <Tag key={b.id}>{b.name}</Tag>) : <Typography.Text type="secondary">Các chi bộ còn lại</Typography.Text> },
      ]} />
  );
}

