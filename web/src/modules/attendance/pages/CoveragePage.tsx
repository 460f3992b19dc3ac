import { useState } from 'react';
import { Breadcrumb, Button, Card, Progress, Skeleton, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { CampaignNav } from '../../campaigns/components/CampaignNav';
import { useCoverage, type CoverageRow } from '../api';
import { T } from '../labels';
import { compareVi, formatIsoDate, formatNumber, formatPercent, percentOf } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../attendance.css';

const reached = (r: { attended: number; madeUp: number }) => r.attended + r.madeUp;

/**
 * Where the campaign stands, org by org: members covered, invited, attended, made up, and whether
 * each committee issued its plan in time. Lowest first, so the officer sees where to call. Opens, like
 * the reflection statistics, where the reader's part of the campaign begins (the server's default org).
 */
export default function CoveragePage() {
  const { id = '' } = useParams();
  const [trail, setTrail] = useState<Array<{ id: string; name: string }>>([]);
  const current = trail.at(-1)?.id;
  const coverage = useCoverage(id, current);
  // The org the page opens on (the campaign's, or the reader's own part of it) names the first crumb.
  const top = useCoverage(id);
  const data = coverage.data;
  const share = (r: { attended: number; madeUp: number; covered: number }) => percentOf(reached(r), r.covered);

  return (
    <div data-testid="coverage-page">
      <CampaignNav campaignId={id} active="coverage" />
      <Breadcrumb style={{ marginBottom: 12 }} items={[
        { title: <a onClick={() => setTrail([])}>{top.data?.orgName || T.whole}</a> },
        ...trail.map((t, i) => ({ title: <a onClick={() => setTrail(trail.slice(0, i + 1))}>{t.name}</a> })),
      ]} />
      {coverage.isError && <ProblemAlert error={coverage.error} />}
      {!data ? (!coverage.isError && <Skeleton active />) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <div className="qt-counter">
              <Statistic title={T.covered} value={formatNumber(data.total.covered)} />
              <Statistic title={T.invited} value={formatNumber(data.total.invited)} />
              <Statistic title={T.attended} value={formatNumber(data.total.attended)} suffix={<small>({formatPercent(percentOf(data.total.attended, data.total.covered))})</small>} />
              <Statistic title={T.madeUp} value={formatNumber(data.total.madeUp)} />
              <Statistic title={T.reached} value={share(data.total)} formatter={(v) => formatPercent(Number(v))} styles={{ content: { color: '#b71c1c' } }} />
            </div>
          </Card>
          {data.children.length === 0 ? (
            // A branch has no child orgs: who has not studied yet is on its make-up list.
            <Link to={`/campaigns/${id}/makeups`}><Button icon={<UnorderedListOutlined />}>{T.branchMakeups}</Button></Link>
          ) : (
            <Table<CoverageRow> rowKey="orgId" dataSource={[...data.children].sort((a, b) => share(a) - share(b) || compareVi(a.orgName, b.orgName))}
              loading={coverage.isFetching} pagination={{ pageSize: 50, showSizeChanger: false }} scroll={{ x: 900 }}
              columns={[
                { title: 'Tổ chức', dataIndex: 'orgName', sorter: (a, b) => compareVi(a.orgName, b.orgName),
                  render: (v, r) => r.isLeaf ? v : <a onClick={() => setTrail([...trail, { id: r.orgId, name: r.orgName }])}>{v}</a> },
                { title: T.covered, dataIndex: 'covered', align: 'right', sorter: (a, b) => a.covered - b.covered, render: formatNumber },
                { title: T.invited, dataIndex: 'invited', align: 'right', render: formatNumber },
                { title: T.attended, dataIndex: 'attended', align: 'right', render: formatNumber },
                { title: T.madeUp, dataIndex: 'madeUp', align: 'right', render: formatNumber },
                { title: T.reached, className: 'qt-progress-cell', sorter: (a, b) => share(a) - share(b),
                  render: (_, r) => (
                    <Tooltip title={`${formatNumber(reached(r))} / ${formatNumber(r.covered)}`}>
                      <Progress percent={share(r)} size="small" format={() => formatPercent(share(r))} />
                    </Tooltip>
                  ) },
                { title: T.plan, render: (_, r) => <PlanTag r={r} /> },
              ]} />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            Đảng viên miễn sinh hoạt không tính vào diện học, trừ khi kế hoạch yêu cầu. "Đã học" gồm người dự hội nghị và người đã học bù được chi ủy xác nhận.
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}

function PlanTag({ r }: { r: CoverageRow }) {
  if (r.planIssued) return <Tag color={r.planLate ? 'warning' : 'success'}>{T.planIssued(formatIsoDate(r.planIssuedOn))}{r.planLate ? ` (${T.planLate})` : ''}</Tag>;
  if (!r.planRequired) return <Tag>{T.planNotRequired}</Tag>;
  return <Tag color={r.planLate ? 'error' : 'default'}>{r.planLate ? T.planLate : T.planMissing}{r.planDueBy ? ` — hạn ${formatIsoDate(r.planDueBy)}` : ''}</Tag>;
}
