import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, InputNumber, Skeleton, Typography } from 'antd';
import { EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useFileReport, useMyBridgePoints, type MyBridgePoint } from '../api';
import { T } from '../labels';
import { ConferenceStatusTag } from '../components/ConferenceStatusTag';
import { ReportCell } from '../components/BridgePointsTab';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { formatDayTime } from '../../../shared/lib/format';

/** A Standing Committee member's assigned bridge points, on a phone: where, who attends, and the supervision report. */
export default function MyBridgePointsPage() {
  const points = useMyBridgePoints();
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={2} className="qt-page-title">{T.myPoints}</Typography.Title>
      <ProblemAlert error={points.error} />
      {points.isPending ? <Skeleton active /> : (points.data ?? []).length === 0 ? <Empty description={T.noPoints} /> :
        points.data!.map((p) => <PointCard key={p.id} p={p} />)}
    </div>
  );
}

function PointCard({ p }: { p: MyBridgePoint }) {
  const [editing, setEditing] = useState(!p.report);
  const open = p.conference.status !== 'cancelled';
  return (
    <Card style={{ marginBottom: 16 }} data-testid="my-bridge-point"
      title={<div style={{ whiteSpace: 'normal' }}><div style={{ fontSize: 17 }}>{p.name}</div><Typography.Text type="secondary" style={{ fontWeight: 400 }}>{p.conference.title}</Typography.Text></div>}
      extra={<ConferenceStatusTag c={p.conference} />}>
      <div style={{ display: 'grid', gap: 6, fontSize: 16 }}>
        <div>{formatDayTime(p.conference.startsAt)} · {p.conference.orgName}</div>
        <div><EnvironmentOutlined /> {p.place}</div>
        <div><TeamOutlined /> {p.units.map((u) => u.name).join(', ') || '—'}</div>
        <div>{T.expected}: <strong>{p.expected}</strong> · {T.present}: <strong>{p.present}</strong> (điểm danh)</div>
        <Link to={`/conferences/${p.conference.id}`}>Xem hội nghị</Link>
      </div>
      <div style={{ marginTop: 12, borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>{T.report}</Typography.Title>
        {p.report && !editing && (
          <>
            <ReportCell p={p} />
            {open && <Button style={{ marginTop: 8 }} onClick={() => setEditing(true)}>{T.refile}</Button>}
          </>
        )}
        {editing && open && <ReportForm p={p} onDone={() => setEditing(false)} />}
      </div>
    </Card>
  );
}

function ReportForm({ p, onDone }: { p: MyBridgePoint; onDone: () => void }) {
  const { message } = App.useApp();
  const file = useFileReport();
  const submit = (v: { present: number; remarks?: string }) =>
    file.mutate({ id: p.id, present: v.present, remarks: v.remarks ?? '' }, { onSuccess: () => { message.success(T.reportSent); onDone(); } });
  return (
    <Form layout="vertical" onFinish={submit} initialValues={{ present: p.report?.present ?? p.present, remarks: p.report?.remarks ?? '' }}>
      <ProblemAlert error={file.error} />
      <Form.Item name="present" label={`${T.present} / ${T.expected.toLowerCase()} ${p.expected}`} rules={[{ required: true, message: T.required }]}>
        <InputNumber min={0} max={1_000_000} size="large" style={{ width: '100%' }} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="remarks" label={T.remarks}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} placeholder="Đường truyền, tinh thần, ý thức tham dự, đề xuất…" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={file.isPending} data-testid="file-report">{p.report ? T.refile : T.fileReport}</Button>
    </Form>
  );
}
