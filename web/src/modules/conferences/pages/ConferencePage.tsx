import { App, Breadcrumb, Button, Input, Popconfirm, Result, Skeleton, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { CheckSquareOutlined, EditOutlined, QrcodeOutlined, StopOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCancelConference, useConference, type ConferenceDetail } from '../api';
import { AUDIENCE_LABELS, dayText, FORMAT_LABELS, T } from '../labels';
import { ConferenceStatusTag } from '../components/ConferenceStatusTag';
import { InfoAgendaTab } from '../components/InfoAgendaTab';
import { SessionsTab } from '../components/SessionsTab';
import { BridgePointsTab } from '../components/BridgePointsTab';
import { DocumentsTab } from '../components/DocumentsTab';
import { EditConferenceModal } from '../components/EditConferenceModal';
import { errorText, isNotFound } from '../../../shared/lib/http';
import { formatDayTime, formatNumber } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

const num = (v: number | string) => formatNumber(Number(v));
const TAB_KEYS = ['info', 'sessions', 'bridge', 'documents'] as const;

/** One conference: information and agenda, sessions (split), bridge points, documents for discussion. */
export default function ConferencePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const conference = useConference(id);
  if (conference.isPending) return <Skeleton active />;
  if (conference.isError) return isNotFound(conference.error) ? <Result status="404" title="Không tìm thấy hội nghị" /> : <ProblemAlert error={conference.error} />;
  const c = conference.data;
  const tab = TAB_KEYS.find((k) => k === params.get('tab')) ?? 'info';
  return (
    <div data-testid="conference-page">
      <Breadcrumb items={[
        { title: <Link to="/campaigns">Học tập Nghị quyết</Link> },
        { title: <Link to={`/campaigns/${c.campaignId}/conferences`}>{c.campaignTitle ?? 'Hội nghị'}</Link> },
        { title: c.title },
      ]} />
      <Header c={c} />
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} items={[
        { key: 'info', label: T.tabInfo, children: <InfoAgendaTab c={c} /> },
        { key: 'sessions', label: T.tabSessions, children: <SessionsTab c={c} /> },
        { key: 'bridge', label: T.tabBridge, children: <BridgePointsTab c={c} /> },
        { key: 'documents', label: `${T.tabDocs} (${c.documents.length})`, children: <DocumentsTab c={c} /> },
      ]} />
    </div>
  );
}

function Header({ c }: { c: ConferenceDetail }) {
  const { message } = App.useApp();
  const cancel = useCancelConference(c.id);
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState(false);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 8, marginBottom: 4 }}>
        {c.title} <ConferenceStatusTag c={c} /><Tag color={FORMAT_LABELS[c.format].color}>{FORMAT_LABELS[c.format].label}</Tag>
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {formatDayTime(c.startsAt)}{c.endsAt ? ` – ${formatDayTime(c.endsAt)}` : ''} · {c.venue} · {c.orgName} · {AUDIENCE_LABELS[c.audienceKind]}
        {c.deadline && <> · {T.deadline(dayText(c.deadline))}</>}
      </Typography.Paragraph>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'center', marginBottom: 8 }}>
        <Statistic title="Được mời" value={c.counts.invited} formatter={num} />
        <Statistic title="Có mặt" value={c.counts.present} formatter={num} />
        <Statistic title="Vắng" value={c.counts.absent} formatter={num} />
        {c.capacity !== null && <Statistic title="Sức chứa" value={c.capacity} formatter={num} />}
        <Space wrap style={{ marginLeft: 'auto' }}>
          <Link to={`/conferences/${c.id}/attendance`}><Button icon={<CheckSquareOutlined />}>{T.attendance}</Button></Link>
          {c.status === 'scheduled' && <Link to={`/conferences/${c.id}/check-in`}><Button type="primary" icon={<QrcodeOutlined />}>{T.checkIn}</Button></Link>}
          {c.abilities.canManage && c.status === 'scheduled' && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-conference">{T.editInfo}</Button>
          )}
          {c.abilities.canManage && c.status === 'scheduled' && (
            <Popconfirm title={T.cancelConfirm} okText={T.cancel} cancelText={T.cancelBtn} okButtonProps={{ danger: true }}
              description={<Input placeholder={T.cancelReason} value={reason} onChange={(e) => setReason(e.target.value)} />}
              onConfirm={() => cancel.mutate(reason, { onError: (e) => message.error(errorText(e)) })}>
              <Button danger icon={<StopOutlined />} loading={cancel.isPending}>{T.cancel}</Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      {editing && <EditConferenceModal c={c} onClose={() => setEditing(false)} />}
    </>
  );
}
