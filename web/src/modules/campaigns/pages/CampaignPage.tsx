import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Empty, Skeleton, Space, Statistic, Typography } from 'antd';
import { FileTextOutlined, FormOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCampaign, useCascade, useCreatePlan, usePlan, type CascadeView } from '../api';
import { CampaignNav } from '../components/CampaignNav';
import { CascadeTable } from '../components/CascadeTable';
import { PlanSummary } from '../components/PlanSummary';
import { PlanStatusTag } from '../components/PlanTags';
import { ResolutionDrawer } from '../components/ResolutionDrawer';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { isNotFound } from '../../../shared/lib/http';
import { formatIsoDate } from '../../../shared/lib/format';
import { L } from '../labels';
import '../campaigns.css';

export default function CampaignPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('org');
  const campaign = useCampaign(id);
  const cascade = useCascade(id, orgId);
  const [docs, setDocs] = useState(false);
  const drill = (org: string) => setParams({ org });
  const view = cascade.data;
  return (
    <div className="qt-campaign-page">
      <CampaignNav campaignId={id} active="plans" />
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
        {campaign.data && <Button icon={<FileTextOutlined />} onClick={() => setDocs(true)}>{L.documentsTitle}</Button>}
      </div>
      {cascade.error && isNotFound(cascade.error) && !orgId ? <Card><Empty description={L.notInCampaign} /></Card> : <ProblemAlert error={cascade.error} />}
      {cascade.isPending && <Skeleton active />}
      {view && (
        <>
          {view.trail.length > 1 && (
            <Breadcrumb style={{ marginBottom: 12 }} items={view.trail.map((t, i) => ({
              title: i < view.trail.length - 1 ? <a onClick={() => drill(t.id)}>{t.name}</a> : t.name,
            }))} />
          )}
          <OwnPlanCard campaignId={id} view={view} />
          <GoverningPlanCard planId={view.governingPlanId} ownPlanId={view.plan?.id ?? null} />
          <Card title={L.cascadeTitle} style={{ marginBottom: 16 }}>
            {view.children.length === 0 ? <Empty description={L.noChildren} /> : (
              <>
                {!view.governingPlanId && <Alert type="info" showIcon title={L.cascadeWaiting} style={{ marginBottom: 12 }} />}
                <div className="qt-cascade-stats">
                  <Statistic title={L.totalRequired} value={view.totals.required} />
                  <Statistic title={L.totalIssued} value={view.totals.issued} suffix={`/ ${view.totals.required}`} />
                  <Statistic title={L.totalLate} value={view.totals.late} styles={{ content: { color: view.totals.late ? '#cf1322' : undefined } }} />
                </div>
                <CascadeTable rows={view.children} loading={cascade.isFetching} onDrill={drill} />
              </>
            )}
          </Card>
        </>
      )}
      {docs && campaign.data && <ResolutionDrawer resolutionId={campaign.data.resolution.id} onClose={() => setDocs(false)} />}
    </div>
  );
}

/** The viewed org's own plan, or the button to start it when the upper plan is issued. */
function OwnPlanCard({ campaignId, view }: { campaignId: string; view: CascadeView }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreatePlan(campaignId);
  const start = () => create.mutate(view.org.id, { onSuccess: (p) => { message.success(L.planCreated); navigate(`/plans/${p.id}`); } });
  return (
    <Card title={L.planOf(view.org.name)} style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary">{view.org.levelName}</Typography.Text>}>
      <ProblemAlert error={create.error} />
      {view.plan ? (
        <Space wrap>
          <PlanStatusTag status={view.plan.status} />
          {view.plan.number && <span>{L.planNumber(view.plan.number, formatIsoDate(view.plan.issuedOn))}</span>}
          <Button type="primary" onClick={() => navigate(`/plans/${view.plan!.id}`)}>{L.openPlan}</Button>
        </Space>
      ) : view.canCreatePlan ? (
        <Button type="primary" icon={<FormOutlined />} loading={create.isPending} onClick={start}>{L.buildPlan}</Button>
      ) : (
        <Typography.Text type="secondary">{view.governingPlanId ? L.noPlanYet : L.governingNone}</Typography.Text>
      )}
    </Card>
  );
}

/** The issued plan the viewed org works to (its own once issued, else the nearest above). */
function GoverningPlanCard({ planId, ownPlanId }: { planId: string | null; ownPlanId: string | null }) {
  const plan = usePlan(planId);
  if (!planId) return null;
  const p = plan.data;
  const title = p ? `${L.governing}: ${p.number ? `Kế hoạch số ${p.number}` : p.title} — ${p.orgName}` : L.governing;
  return (
    <Card title={title} style={{ marginBottom: 16 }} extra={planId !== ownPlanId && p ? <Link to={`/plans/${p.id}`}>{L.openPlan}</Link> : undefined}>
      <ProblemAlert error={plan.error} />
      {p ? <PlanSummary plan={p} compact /> : <Skeleton active />}
    </Card>
  );
}
