import { useState, type ReactNode } from 'react';
import { Button, Card, Grid, Progress, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { CascadeChild } from '../api';
import { compareVi, formatIsoDate } from '../../../shared/lib/format';
import { L } from '../labels';
import { CascadeTags } from './PlanTags';

interface Props { rows: CascadeChild[]; loading: boolean; onDrill: (orgId: string) => void }

const planCell = (r: CascadeChild) => (r.plan?.status === 'issued'
  ? <Link to={`/plans/${r.plan.id}`}>{L.planNumber(r.plan.number, formatIsoDate(r.plan.issuedOn))}</Link>
  : r.plan ? <Link to={`/plans/${r.plan.id}`}>{L.openPlan}</Link> : L.none);

function Below({ r }: { r: CascadeChild }) {
  if (r.below.required === 0) return <Typography.Text type="secondary">{L.none}</Typography.Text>;
  return (
    <div style={{ minWidth: 150 }}>
      <div>{L.belowText(r.below.issued, r.below.required)}{r.below.late > 0 && <Typography.Text type="danger"> · {L.belowLate(r.below.late)}</Typography.Text>}</div>
      <Progress percent={Math.round((100 * r.below.issued) / r.below.required)} size="small" showInfo={false}
        status={r.below.late > 0 ? 'exception' : 'normal'} />
    </div>
  );
}

/** The child orgs of the viewed org: plan status, due date, and how the orgs below each are doing. */
export function CascadeTable({ rows, loading, onDrill }: Props) {
  const isPhone = !Grid.useBreakpoint().md;
  const name = (r: CascadeChild) => (r.childCount > 0 ? <a onClick={() => onDrill(r.orgId)}>{r.orgName}</a> : r.orgName);
  if (isPhone) return <CascadeCards rows={rows} name={name} />;
  return (
    <Table<CascadeChild>
      rowKey="orgId" size="middle" loading={loading} dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      columns={[
        { key: 'org', title: L.colOrg, sorter: (a, b) => compareVi(a.orgName, b.orgName), render: (_, r) => <Space orientation="vertical" size={0}>{name(r)}<span className="qt-muted">{r.levelName}</span></Space> },
        { key: 'status', title: L.colStatus, render: (_, r) => <CascadeTags row={r} />,
          filters: [{ text: L.tagLate, value: 'late' }, { text: L.tagNotIssued, value: 'open' }, { text: L.tagIssued, value: 'issued' }],
          onFilter: (v, r) => (v === 'late' ? r.late : v === 'issued' ? r.plan?.status === 'issued' : r.required && r.plan?.status !== 'issued') },
        { key: 'number', title: L.colNumber, render: (_, r) => planCell(r) },
        { key: 'due', title: L.colDue, sorter: (a, b) => (a.dueBy ?? '').localeCompare(b.dueBy ?? ''), render: (_, r) => formatIsoDate(r.dueBy) || L.none },
        { key: 'below', title: L.colBelow, sorter: (a, b) => a.below.late - b.below.late, render: (_, r) => <Below r={r} /> },
      ]}
    />
  );
}

/** 0 late here or below, 1 still owes its plan, 2 done or watching orgs below, 3 nothing owed here or below. */
const urgency = (r: CascadeChild) => (r.late || r.below.late ? 0 : r.required && r.plan?.status !== 'issued' ? 1 : r.required || r.below.required ? 2 : 3);

/** On a phone: cards, the orgs that need attention first; those owing no plan folded away. */
function CascadeCards({ rows, name }: { rows: CascadeChild[]; name: (r: CascadeChild) => ReactNode }) {
  const [all, setAll] = useState(false);
  const sorted = [...rows].sort((a, b) => urgency(a) - urgency(b));
  const optional = sorted.filter((r) => urgency(r) === 3).length;
  const shown = all || optional === sorted.length ? sorted : sorted.filter((r) => urgency(r) < 3);
  return (
    <div>
      {shown.map((r) => (
        <Card key={r.orgId} className="qt-cascade-card" size="small">
          <strong>{name(r)}</strong>
          <CascadeTags row={r} />
          {r.dueBy && <span className="qt-muted">{L.colDue}: {formatIsoDate(r.dueBy)}</span>}
          {r.plan && <span>{planCell(r)}</span>}
          {r.below.required > 0 && <Below r={r} />}
        </Card>
      ))}
      {shown.length < sorted.length && <Button block onClick={() => setAll(true)}>{L.showOptional(optional)}</Button>}
    </div>
  );
}
