import { Grid, Table } from 'antd';
import type { OrgSummary } from '../api';
import { compareVi, formatNumber } from '../../../shared/lib/format';

const T = { name: 'Tên tổ chức', level: 'Cấp', members: 'Đảng viên', children: 'Trực thuộc' };

export function OrgChildrenTable({ rows, loading, onSelect }: { rows: OrgSummary[]; loading: boolean; onSelect: (id: string) => void }) {
  const isPhone = !Grid.useBreakpoint().md;
  return (
    <Table<OrgSummary>
      rowKey="id"
      size="middle"
      className="qt-clickable-rows"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      onRow={(r) => ({ onClick: () => onSelect(r.id) })}
      columns={[
        { key: 'name', title: T.name, dataIndex: 'name', sorter: (a, b) => compareVi(a.name, b.name), render: (v: string) => <a>{v}</a> },
        ...(isPhone ? [] : [{ key: 'level', title: T.level, dataIndex: 'levelName' }]),
        { key: 'members', title: T.members, dataIndex: 'memberCount', align: 'right' as const, sorter: (a: OrgSummary, b: OrgSummary) => a.memberCount - b.memberCount, render: formatNumber },
        ...(isPhone ? [] : [{ key: 'children', title: T.children, dataIndex: 'childCount', align: 'right' as const, render: formatNumber }]),
      ]}
    />
  );
}
