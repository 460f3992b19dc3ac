import { Alert, Breadcrumb, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { usePlan } from '../api';
import { PlanActions } from '../components/PlanActions';
import { PlanEditor } from '../components/PlanEditor';
import { PlanSummary } from '../components/PlanSummary';
import { PlanStatusTag } from '../components/PlanTags';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { formatIsoDate } from '../../../shared/lib/format';
import { L } from '../labels';
import '../campaigns.css';

export default function PlanPage() {
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const p = plan.data;
  if (plan.error) return <ProblemAlert error={plan.error} />;
  if (!p) return <Skeleton active />;
  return (
    <div className="qt-plan-page qt-campaign-page">
      <Breadcrumb items={[
        { title: <Link to="/campaigns">{L.pageTitle}</Link> },
        { title: <Link to={`/campaigns/${p.campaignId}`}>{p.campaignTitle}</Link> },
        { title: p.orgName },
      ]} />
      <Space align="center" wrap style={{ marginTop: 8 }} data-testid="plan-heading">
        <Typography.Title level={3} style={{ margin: 0 }}>{p.number ? `Kế hoạch số ${p.number}` : L.plan}</Typography.Title>
        <PlanStatusTag status={p.status} />
        {p.late && <Tag color="red">{L.late}</Tag>}
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ margin: '8px 0 16px' }} items={[
        { key: 'org', label: 'Cấp ủy', children: `${p.orgName} (${p.levelName})` },
        { key: 'upper', label: L.upperPlan, children: p.parentPlan
          ? <Link to={`/plans/${p.parentPlan.id}`}>{p.parentPlan.number ? `Số ${p.parentPlan.number}` : p.parentPlan.title} — {p.parentPlan.orgName}</Link>
          : L.none },
        ...(p.dueBy ? [{ key: 'due', label: L.colDue, children: formatIsoDate(p.dueBy) }] : []),
      ]} />
      <div style={{ marginBottom: 16 }}><PlanActions plan={p} /></div>
      {p.abilities.edit ? <PlanEditor plan={p} /> : (
        <Card>
          {p.status !== 'issued' && <Alert type="info" showIcon title={L.readOnly} style={{ marginBottom: 12 }} />}
          <PlanSummary plan={p} />
        </Card>
      )}
    </div>
  );
}
