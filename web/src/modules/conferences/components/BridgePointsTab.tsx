import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Grid, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useDeleteBridgePoint, type BridgePointView, type ConferenceDetail } from '../api';
import { T } from '../labels';
import { BridgePointModal } from './BridgePointModal';
import { errorText } from '../../../shared/lib/http';
import { formatDayTime } from '../../../shared/lib/format';

export function ReportCell({ p }: { p: BridgePointView }) {
  if (!p.report) return <Typography.Text type="secondary">{T.noReport}</Typography.Text>;
  return (
    <div>
      <strong>{p.report.present} / {p.report.expected}</strong> {T.present.toLowerCase()}
      {p.report.remarks && <div style={{ whiteSpace: 'pre-wrap' }}>{p.report.remarks}</div>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.report.reportedByName} · {formatDayTime(p.report.reportedAt)}</Typography.Text>
    </div>
  );
}

const Units = ({ p }: { p: BridgePointView }) => <>{p.units.map((u) => <Tag key={u.orgId}>{u.name}</Tag>)}</>;

/** Bridge points of an online conference: units, supervising Standing Committee member, expected/present, report. */
export function BridgePointsTab({ c }: { c: ConferenceDetail }) {
  const { message } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const remove = useDeleteBridgePoint(c.id);
  const [editing, setEditing] = useState<BridgePointView | 'new' | null>(null);
  if (c.format !== 'online') return <Alert type="info" showIcon title={T.onlineOnly} />;
  const editable = c.abilities.canManage && c.status === 'scheduled';
  const actions = (p: BridgePointView) => editable && (
    <Space>
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={T.edit} />
      <Popconfirm title={T.deletePoint} okText={T.delete} cancelText={T.cancelBtn} onConfirm={() => remove.mutate(p.id, { onError: (e) => message.error(errorText(e)) })}>
        <Button size="small" danger icon={<DeleteOutlined />} aria-label={T.delete} disabled={!!p.report} />
      </Popconfirm>
    </Space>
  );
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {editable && <div><Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-bridge-point">{T.addPoint}</Button></div>}
      {c.bridgePoints.length === 0 ? <Empty description="Chưa có điểm cầu" /> : isPhone ? c.bridgePoints.map((p) => (
        <Card key={p.id} size="small" title={p.name} extra={actions(p)}>
          <div>{p.place}</div>
          <div><Units p={p} /></div>
          <div>{T.supervisor}: {p.supervisor?.displayName ?? '—'}</div>
          <div>{T.expectedPresent}: {p.expected} / {p.present}</div>
          <ReportCell p={p} />
        </Card>
      )) : (
        <Table<BridgePointView> rowKey="id" dataSource={c.bridgePoints} pagination={false} size="small"
          columns={[
            { title: T.pointName, key: 'name', render: (_, p) => <><strong>{p.name}</strong><div>{p.place}{p.capacity ? ` · ${p.capacity} chỗ` : ''}</div></> },
            { title: T.units, key: 'units', render: (_, p) => <Units p={p} /> },
            { title: T.supervisor, key: 'sup', render: (_, p) => p.supervisor?.displayName ?? '—' },
            { title: T.expectedPresent, key: 'n', align: 'right', render: (_, p) => `${p.expected} / ${p.present}` },
            { title: T.report, key: 'report', render: (_, p) => <ReportCell p={p} /> },
            { title: '', key: 'actions', width: 90, render: (_, p) => actions(p) },
          ]} />
      )}
      {editing && <BridgePointModal c={c} point={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
