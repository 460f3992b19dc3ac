import { useState } from 'react';
import { Button, Card, Empty, Skeleton, Space, Typography } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMe } from '../../auth/api';
import { useCampaigns, type CampaignSummary } from '../api';
import { CreateCampaignModal, launchOrgs } from '../components/CreateCampaignModal';
import { ResolutionDrawer } from '../components/ResolutionDrawer';
import { PlanStatusTag } from '../components/PlanTags';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { formatIsoDate } from '../../../shared/lib/format';
import { L } from '../labels';
import '../campaigns.css';

export default function CampaignListPage() {
  const me = useMe().data;
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);
  const [docsOf, setDocsOf] = useState<string | null>(null);
  const canLaunch = launchOrgs(me).length > 0;
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={2} className="qt-page-title" style={{ marginBottom: 0 }}>{L.pageTitle}</Typography.Title>
        {canLaunch && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{L.newCampaign}</Button>}
      </div>
      <ProblemAlert error={campaigns.error} />
      {campaigns.isPending ? <Skeleton active /> : campaigns.data?.length === 0 ? (
        <Card><Empty description={<><div>{L.noCampaigns}</div><Typography.Text type="secondary">{L.noCampaignsHint}</Typography.Text></>} /></Card>
      ) : (
        <div className="qt-campaign-cards">
          {campaigns.data?.map((c) => <CampaignCard key={c.id} c={c} onDocuments={() => setDocsOf(c.resolution.id)} />)}
        </div>
      )}
      {creating && <CreateCampaignModal onClose={() => setCreating(false)} />}
      {docsOf && <ResolutionDrawer resolutionId={docsOf} onClose={() => setDocsOf(null)} />}
    </>
  );
}

function CampaignCard({ c, onDocuments }: { c: CampaignSummary; onDocuments: () => void }) {
  const mine = c.myPlan;
  return (
    <Card className="qt-campaign-card" data-testid="campaign-card">
      <Link to={`/campaigns/${c.id}`} className="qt-campaign-card-title">{c.title}</Link>
      <div><span className="qt-muted">{L.resolution}: </span>{c.resolution.title}</div>
      <div><span className="qt-muted">{L.leadOrg}: </span>{c.orgName}</div>
      {mine && (
        <div>
          <span className="qt-muted">{L.myPlan} ({mine.orgName}): </span>
          {mine.plan ? (
            <Space size={4} wrap>
              <PlanStatusTag status={mine.plan.status} />
              {mine.plan.number && <span>{L.planNumber(mine.plan.number, formatIsoDate(mine.plan.issuedOn))}</span>}
            </Space>
          ) : <Typography.Text type="secondary">{L.noPlanYet}</Typography.Text>}
        </div>
      )}
      <Space wrap style={{ marginTop: 6 }}>
        <Link to={`/campaigns/${c.id}`}><Button type="primary" ghost>{L.open}</Button></Link>
        <Button icon={<FileTextOutlined />} onClick={onDocuments}>{L.documents}</Button>
      </Space>
    </Card>
  );
}
