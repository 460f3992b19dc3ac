import { useState } from 'react';
import { Breadcrumb, Drawer, Grid, Progress, Statistic, Table, Tag } from 'antd';
import { useMaterialReaders, type MaterialReaders } from '../api';
import { T } from '../labels';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../materials.css';
import { compareVi, formatDayTime, formatNumber, formatPercent, percentOf } from '../../../shared/lib/format';

type Step = { orgId: string; name: string } | { branchId: string; name: string };

/** "Ai đã đọc": per child org the members meant to read it and those who opened it; drill down to a branch's members. */
export function ReadersDrawer({ material, orgId, orgName, onClose }: { material: { id: string; title: string }; orgId: string; orgName: string; onClose: () => void }) {
  const isPhone = !Grid.useBreakpoint().md;
  const [trail, setTrail] = useState<Step[]>([{ orgId, name: orgName }]);
  const step = trail[trail.length - 1];
  const scope = 'branchId' in step ? { branchId: step.branchId } : { orgId: step.orgId };
  const readers = useMaterialReaders(material.id, scope);
  const go = (s: Step) => setTrail((t) => [...t, s]);

  return (
    <Drawer open onClose={onClose} size={isPhone ? '100%' : 760} title={`${T.readers}: ${material.title}`}>
      <Breadcrumb style={{ marginBottom: 12 }}
        items={trail.map((s, i) => ({ title: i < trail.length - 1 ? <a onClick={() => setTrail(trail.slice(0, i + 1))}>{s.name}</a> : s.name }))} />
      <ProblemAlert error={readers.error} />
      {readers.data && <Totals data={readers.data} />}
      {'branchId' in step ? <MemberTable data={readers.data} loading={readers.isFetching} /> : (
        <Table size="middle" rowKey="orgId" loading={readers.isFetching} pagination={false} dataSource={readers.data?.orgs ?? []} className="qt-clickable-rows"
          onRow={(r) => ({ onClick: () => go(r.isLeaf ? { branchId: r.orgId, name: r.name } : { orgId: r.orgId, name: r.name }) })}
          columns={[
            { title: T.org, dataIndex: 'name', sorter: (a, b) => compareVi(a.name, b.name), render: (name: string) => <a>{name}</a> },
            { title: T.targeted, dataIndex: 'targeted', align: 'right', width: 90, render: formatNumber },
            { title: T.opened, dataIndex: 'opened', align: 'right', width: 90, render: formatNumber },
            { title: T.percent, dataIndex: 'percent', width: 160, sorter: (a, b) => a.percent - b.percent, defaultSortOrder: undefined,
              // Written from the counts (the API's percent is already rounded): "99,9%" until everyone has read it.
              render: (p: number, r) => <Progress percent={p} size="small" format={() => formatPercent(percentOf(r.opened, r.targeted))} className="qt-progress-cell" /> },
          ]} />
      )}
    </Drawer>
  );
}

function Totals({ data }: { data: MaterialReaders }) {
  return (
    <div className="qt-readers-totals">
      <Statistic title={T.targeted} value={data.total.targeted} formatter={(v) => formatNumber(Number(v))} />
      <Statistic title={T.opened} value={data.total.opened} formatter={(v) => formatNumber(Number(v))} />
      <Statistic title={T.percent} value={percentOf(data.total.opened, data.total.targeted)} formatter={(v) => formatPercent(Number(v))} />
    </div>
  );
}

function MemberTable({ data, loading }: { data: MaterialReaders | undefined; loading: boolean }) {
  return (
    <Table size="middle" rowKey="memberId" loading={loading} pagination={false} dataSource={data?.members ?? []}
      columns={[
        { title: T.members, dataIndex: 'fullName', render: (n: string, r) => <>{n}{r.partyPosition && r.partyPosition !== 'Đảng viên' ? <div style={{ color: 'rgba(0,0,0,.55)' }}>{r.partyPosition}</div> : null}</> },
        { title: T.version, dataIndex: 'version', responsive: ['md'] },
        { title: T.opened, dataIndex: 'opened', width: 120, filters: [{ text: T.readDone, value: true }, { text: T.notYet, value: false }], onFilter: (v, r) => r.opened === v,
          render: (o: boolean, r) => (o ? <Tag color="success">{T.readDone}{r.openCount > 1 ? ` (${r.openCount} lần)` : ''}</Tag> : <Tag>{T.notYet}</Tag>) },
        { title: T.when, dataIndex: 'lastOpenedAt', responsive: ['sm'], render: (at: string | null) => (at ? formatDayTime(at) : '') },
      ]} />
  );
}
