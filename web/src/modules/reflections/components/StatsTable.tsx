import { Progress, Table, Tag, Tooltip, Typography } from 'antd';
import type { GradeLabel, StatsRow } from '../stats-api';
import { S } from '../stats-labels';
import { GradeBar } from './GradeBar';
import { compareVi, formatDay, formatNumber, percentOf } from '../../../shared/lib/format';

/** Share handed in, as a percentage capped at 100 (formatPercent writes it for reading). */
export const pct = (part: number, whole: number) => Math.min(100, percentOf(part, whole));

/** The child orgs' follow-up, most missing first; an org with children opens on click. */
export function StatsTable({ rows, grades, loading, isPhone, selection, onOpen }: {
  rows: StatsRow[]; grades: GradeLabel[]; loading: boolean; isPhone: boolean;
  selection?: { selected: string[]; onChange: (ids: string[]) => void }; onOpen: (r: StatsRow) => void;
}) {
  return (
    <>
      <Table<StatsRow> rowKey="orgId" dataSource={rows} loading={loading} pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 1000 }} size="middle"
        rowSelection={selection ? { selectedRowKeys: selection.selected, onChange: (keys) => selection.onChange(keys as string[]) } : undefined}
        columns={[
          { title: S.org, dataIndex: 'orgName', fixed: 'left', width: isPhone ? 150 : 240, sorter: (a, b) => compareVi(a.orgName, b.orgName),
            render: (v, r) => r.isLeaf ? v : <a onClick={() => onOpen(r)}>{v}</a> },
          { title: S.missing, dataIndex: 'missing', align: 'right', defaultSortOrder: 'descend', sorter: (a, b) => a.missing - b.missing,
            render: (v: number) => <span className={v ? 'qt-missing' : undefined}>{formatNumber(v)}</span> },
          { title: S.expected, dataIndex: 'expected', align: 'right', sorter: (a, b) => a.expected - b.expected, render: formatNumber },
          { title: S.submitted, className: 'qt-stats-progress', sorter: (a, b) => pct(a.submitted, a.expected) - pct(b.submitted, b.expected),
            render: (_, r) => (
              <Tooltip title={`${formatNumber(r.submitted)} / ${formatNumber(r.expected)}`}>
                <Progress percent={pct(r.submitted, r.expected)} size="small" status={r.missing ? 'active' : 'success'} format={() => formatNumber(r.submitted)} />
              </Tooltip>
            ) },
          { title: S.onTime, dataIndex: 'onTime', align: 'right', render: formatNumber },
          { title: S.graded, dataIndex: 'graded', align: 'right', sorter: (a, b) => a.graded - b.graded, render: formatNumber },
          { title: S.grades, width: 150, render: (_, r) => <GradeBar grades={grades} perGrade={r.perGrade} /> },
          { title: S.reminded, render: (_, r) => r.lastReminderAt
            ? <Tag color="orange">{formatDay(r.lastReminderAt)}{S.remindedTimes(r.reminderCount)}</Tag>
            : <Typography.Text type="secondary">{S.notReminded}</Typography.Text> },
        ]} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{S.footnote}</Typography.Paragraph>
    </>
  );
}
