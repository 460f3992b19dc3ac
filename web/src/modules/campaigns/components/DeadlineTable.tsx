import { Table } from 'antd';
import type { OrgLevel } from '../../org/api';
import type { Deadlines } from '../api';
import { formatIsoDate } from '../../../shared/lib/format';
import { L } from '../labels';

/** The deadlines a plan sets for each level, named with the tenant's own level names, top level first. */
export function DeadlineTable({ deadlines, levels }: { deadlines: Deadlines; levels: OrgLevel[] }) {
  const rank = (id: string) => levels.find((l) => l.id === id)?.rank ?? 99;
  const rows = [...deadlines.levelDeadlines].sort((a, b) => rank(a.levelId) - rank(b.levelId));
  return (
    <Table
      size="small"
      rowKey="levelId"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'level', title: L.level, render: (_, r) => levels.find((l) => l.id === r.levelId)?.name ?? '…' },
        { key: 'planBy', title: L.planBy, render: (_, r) => formatIsoDate(r.planBy) || L.none },
        { key: 'conferencesBy', title: L.conferencesBy, render: (_, r) => formatIsoDate(r.conferencesBy) || L.none },
      ]}
    />
  );
}
