import { Grid, Table } from 'antd';
import type { OrgLevel } from '../../org/api';
import type { Deadlines, LevelDeadline } from '../api';
import { formatIsoDate } from '../../../shared/lib/format';
import { L } from '../labels';

/** The deadlines a plan sets for each level, named with the tenant's own level names, top level first. */
export function DeadlineTable({ deadlines, levels }: { deadlines: Deadlines; levels: OrgLevel[] }) {
  const isPhone = !Grid.useBreakpoint().md;
  const rank = (id: string) => levels.find((l) => l.id === id)?.rank ?? 99;
  const rows = [...deadlines.levelDeadlines].sort((a, b) => rank(a.levelId) - rank(b.levelId));
  const levelName = (r: LevelDeadline) => levels.find((l) => l.id === r.levelId)?.name ?? '…';
  // On a phone three columns do not fit: one block per level, each date with its label.
  if (isPhone) {
    return (
      <div className="qt-deadline-list">
        {rows.map((r) => (
          <div key={r.levelId}>
            <strong>{levelName(r)}</strong>
            <div><span className="qt-muted">{L.planBy}: </span>{formatIsoDate(r.planBy) || L.none}</div>
            <div><span className="qt-muted">{L.conferencesBy}: </span>{formatIsoDate(r.conferencesBy) || L.none}</div>
          </div>
        ))}
      </div>
    );
  }
  return (
    <Table
      size="small"
      rowKey="levelId"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'level', title: L.level, render: (_, r) => levelName(r) },
        { key: 'planBy', title: L.planBy, render: (_, r) => formatIsoDate(r.planBy) || L.none },
        { key: 'conferencesBy', title: L.conferencesBy, render: (_, r) => formatIsoDate(r.conferencesBy) || L.none },
      ]}
    />
  );
}
