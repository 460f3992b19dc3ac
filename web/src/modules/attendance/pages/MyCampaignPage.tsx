import { useState } from 'react';
import { Alert, Button, Card, ConfigProvider, Empty, Modal, Result, Skeleton, Tag, Typography } from 'antd';
import { CalendarOutlined, CommentOutlined, EditOutlined, EnvironmentOutlined, IdcardOutlined, QrcodeOutlined, WifiOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMyCampaigns, type MyCampaign, type MyConference } from '../api';
import { ATTENDANCE_STATUS, MAKEUP_MODE, MAKEUP_STATUS, MY_FRAME, T } from '../labels';
import { QrCanvas } from '../components/QrCanvas';
import { MyMaterialsList } from '../../materials/components/MyMaterialsList';
import { useMe } from '../../auth/api';
import { formatDayTime } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { largeTheme } from '../../../app/theme';
import '../attendance.css';

/** A member's study on their phone, in large type: conference, QR code, attendance, make-up, materials. */
export default function MyCampaignPage() {
  const me = useMe().data!;
  const campaigns = useMyCampaigns();
  if (!me.memberId) return <Result status="info" title={MY_FRAME.notMember} />;
  return (
    <ConfigProvider theme={largeTheme}>
      <div className="qt-my" data-testid="my-campaign-page">
        <Typography.Title level={2}>{T.myCampaignTitle}</Typography.Title>
        {campaigns.isPending && <Skeleton active />}
        {campaigns.isError && <ProblemAlert error={campaigns.error} />}
        {campaigns.data?.length === 0 && <Empty description={T.noCampaign} />}
        {campaigns.data?.map((c) => <CampaignBlock key={c.id} campaign={c} />)}
        <Link to={`/members/${me.memberId}`}><Button size="large" block icon={<IdcardOutlined />}>Hồ sơ đảng viên của tôi</Button></Link>
      </div>
    </ConfigProvider>
  );
}

function CampaignBlock({ campaign }: { campaign: MyCampaign }) {
  const pendingMakeups = campaign.makeups.filter((k) => k.status === 'pending');
  return (
    <section>
      <Typography.Title level={3} style={{ fontSize: 22 }}>{campaign.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{campaign.resolutionTitle}</Typography.Paragraph>
      <Typography.Title level={4}>{T.myConferences}</Typography.Title>
      {campaign.conferences.length === 0 && <Typography.Paragraph>{T.noConference}</Typography.Paragraph>}
      {campaign.conferences.map((c) => <ConferenceCard key={c.invitationId} c={c} />)}
      {campaign.makeups.length > 0 && (
        <Card title={T.myMakeups}>
          {pendingMakeups.length > 0 && <Alert type="warning" showIcon title="Đồng chí vắng hội nghị nên cần học bù; chi ủy sẽ báo thời gian, địa điểm." style={{ marginBottom: 12 }} />}
          {campaign.makeups.map((k) => (
            <div key={k.id} className="qt-my-line">
              <Tag color={MAKEUP_STATUS[k.status]?.color}>{MAKEUP_STATUS[k.status]?.label ?? k.status}</Tag>
              <span>{[k.mode && MAKEUP_MODE[k.mode], k.scheduledAt && formatDayTime(k.scheduledAt), k.place].filter(Boolean).join(' — ') || 'Chưa bố trí'}</span>
            </div>
          ))}
        </Card>
      )}
      <Typography.Title level={4}>{T.myMaterials}</Typography.Title>
      <MyMaterialsList campaignId={campaign.id} />
      <Link to={`/my-reflection?campaignId=${campaign.id}`}><Button size="large" block icon={<EditOutlined />} style={{ marginTop: 12 }}>Nộp bài thu hoạch</Button></Link>
      <Link to={`/my-recommendations?campaignId=${campaign.id}`}><Button size="large" block icon={<CommentOutlined />} style={{ marginTop: 12 }} data-testid="my-recommendations-link">Kiến nghị của tôi</Button></Link>
    </section>
  );
}

function ConferenceCard({ c }: { c: MyConference }) {
  const [qrOpen, setQrOpen] = useState(false);
  const status = ATTENDANCE_STATUS[c.status];
  return (
    <Card data-testid="my-conference">
      <div className="qt-my-conf-title">{c.title}</div>
      <div className="qt-my-line"><CalendarOutlined /><span>{formatDayTime(c.startsAt)}{c.sessionSeq ? ` (${T.session(c.sessionSeq)})` : ''}</span></div>
      {c.bridgePoint
        ? <div className="qt-my-line"><WifiOutlined /><span>{T.bridgePoint}: {c.bridgePoint.name} — {c.bridgePoint.place}</span></div>
        : <div className="qt-my-line"><EnvironmentOutlined /><span>{c.venue}</span></div>}
      <div className="qt-my-line">
        <Tag color={status.color} style={{ fontSize: 16, padding: '2px 10px' }} data-testid="my-attendance">
          {c.status === 'present' && c.checkedInAt ? `Đã có mặt lúc ${formatDayTime(c.checkedInAt)}` : status.label}
        </Tag>
      </div>
      {c.agenda.length > 0 && (
        <>
          <Typography.Text strong>{T.agenda}</Typography.Text>
          <ol style={{ paddingInlineStart: 22, marginTop: 4 }}>
            {c.agenda.map((a) => <li key={a.seq}>{a.topic} — <em>{[a.speakerTitle, a.speakerName].filter(Boolean).join(' ')}</em>{a.inPerson ? ` (${T.inPerson})` : ''}</li>)}
          </ol>
        </>
      )}
      {c.conferenceStatus === 'scheduled' && c.status !== 'present' && (
        <Button type="primary" size="large" block icon={<QrcodeOutlined />} onClick={() => setQrOpen(true)} data-testid="show-qr">{T.showQr}</Button>
      )}
      <Modal open={qrOpen} onCancel={() => setQrOpen(false)} footer={null} title={c.title} centered>
        <div className="qt-qr-box">
          <QrCanvas value={c.qrCode} size={320} />
          <Typography.Paragraph style={{ fontSize: 18, textAlign: 'center' }}>{T.qrHelp}</Typography.Paragraph>
          <div className="qt-qr-code-text" data-testid="qr-code-text">{c.qrCode}</div>
        </div>
      </Modal>
    </Card>
  );
}
