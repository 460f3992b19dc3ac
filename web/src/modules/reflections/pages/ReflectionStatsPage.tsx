import { useState } from 'react';
import { Breadcrumb, Button, Card, Grid, Skeleton, Space, Statistic, Typography } from 'antd';
import { BellOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { CampaignNav } from '../../campaigns/components/CampaignNav';
import { useReflectionStats } from '../stats-api';
import { S } from '../stats-labels';
import { GradeBar } from '../components/GradeBar';
import { ReminderAlert } from '../components/ReminderAlert';
import { RemindModal } from '../components/RemindModal';
import { pct, StatsTable } from '../components/StatsTable';
import { compareVi, formatDayTime, formatNumber, formatPercent } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../stats.css';

/**
 * Where the reflections stand, org by org: how many must write, handed in (on time), graded and how,
 * how many are missing. Most missing first, so the officer sees whom to remind; lagging orgs can be
 * selected and reminded with a message. Drill down like the progress page (CoveragePage).
 */
export default function ReflectionStatsPage() {
  const { id = '' } = useParams();
  const [trail, setTrail] = useState<Array<{ id: string; name: string }>>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [remindOpen, setRemindOpen] = useState(false);
  const isPhone = !Grid.useBreakpoint().md;
  const current = trail.at(-1)?.id;
  const stats = useReflectionStats(id, current);
  // The org the page opens on (the campaign's, or the user's own part of it) names the first crumb.
  const top = useReflectionStats(id);
  const data = stats.data;
  const go = (next: Array<{ id: string; name: string }>) => { setTrail(next); setSelected([]); };
  const due = data?.dueAt ? formatDayTime(data.dueAt) : null;
  const rows = data ? [...data.children].sort((a, b) => b.missing - a.missing || compareVi(a.orgName, b.orgName)) : [];
  const targets = rows.filter((r) => selected.includes(r.orgId));

  return (
    <div data-testid="reflection-stats-page">
      <CampaignNav campaignId={id} active="reflection-stats" />
      <ReminderAlert campaignId={id} />
      <Breadcrumb style={{ marginBottom: 12 }} items={[
        { title: <a onClick={() => go([])}>{top.data?.orgName || S.whole}</a> },
        ...trail.map((t, i) => ({ title: <a onClick={() => go(trail.slice(0, i + 1))}>{t.name}</a> })),
      ]} />
      {stats.isError && <ProblemAlert error={stats.error} />}
      {!data ? (!stats.isError && <Skeleton active />) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <div className="qt-stats-counter">
              <Statistic title={S.expected} value={formatNumber(data.total.expected)} />
              <Statistic title={S.submitted} value={formatNumber(data.total.submitted)} suffix={<small>({formatPercent(pct(data.total.submitted, data.total.expected))})</small>} />
              <Statistic title={S.onTime} value={formatNumber(data.total.onTime)} />
              <Statistic title={S.graded} value={formatNumber(data.total.graded)} />
              <Statistic title={S.missing} value={formatNumber(data.total.missing)} styles={{ content: { color: data.total.missing ? '#b71c1c' : undefined } }} />
            </div>
            <div className="qt-stats-grades">
              <Typography.Text strong>{S.grades}</Typography.Text>
              <GradeBar grades={data.grades} perGrade={data.total.perGrade} legend />
            </div>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {due ? S.dueAt(due) : S.noDue}. {S.writers[data.writers]}.
            </Typography.Paragraph>
          </Card>
          {data.abilities.remind && (
            <Space wrap style={{ marginBottom: 12 }} className="qt-no-print">
              <Button onClick={() => setSelected(rows.filter((r) => r.missing > 0).map((r) => r.orgId))} disabled={!rows.some((r) => r.missing > 0)}>
                {S.selectLagging}
              </Button>
              <Button type="primary" icon={<BellOutlined />} disabled={selected.length === 0} onClick={() => setRemindOpen(true)} data-testid="remind-button">
                {selected.length ? S.remindSelected(selected.length) : S.remind}
              </Button>
            </Space>
          )}
          {rows.length === 0 ? (
            // A branch has no child orgs: its reflections are listed, member by member, on the grading page.
            <Link to={`/campaigns/${id}/reflections?branch=${data.orgId}`}><Button icon={<UnorderedListOutlined />}>{S.branchList}</Button></Link>
          ) : (
            <StatsTable rows={rows} grades={data.grades} loading={stats.isFetching} isPhone={isPhone}
              selection={data.abilities.remind ? { selected, onChange: setSelected } : undefined}
              onOpen={(r) => go([...trail, { id: r.orgId, name: r.orgName }])} />
          )}
          <RemindModal campaignId={id} fromOrgId={data.orgId} targets={targets} due={due} open={remindOpen}
            onClose={(sent) => { setRemindOpen(false); if (sent) setSelected([]); }} />
        </>
      )}
    </div>
  );
}
