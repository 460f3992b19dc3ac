import { Table, Tag } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useNavigate } from 'react-router';
import type { MemberListItem } from '../api';
import { formatBirthDate } from '../../../shared/lib/format';
import { LABELS, MEMBER_FLAGS } from '../../../shared/i18n/vi';

export const COLUMN_TITLES = { name: 'Họ và tên', birth: 'Ngày sinh', gender: 'Giới tính', branch: 'Chi bộ', card: 'Số thẻ', position: 'Chức vụ Đảng' };

interface Props { items: MemberListItem[]; loading: boolean; pagination: TablePaginationConfig }

export function MemberTable({ items, loading, pagination }: Props) {
  const navigate = useNavigate();
  return (
    <Table<MemberListItem>
      rowKey="id"
      className="qt-clickable-rows"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={{ x: 900 }}
      onRow={(m) => ({ onClick: () => navigate(`/members/${m.id}`) })}
      columns={[
        {
          key: 'name', title: COLUMN_TITLES.name, dataIndex: 'fullName',
          render: (v: string, m) => (
            <>
              <a href={`/members/${m.id}`} onClick={(e) => e.preventDefault()}>{v}</a>
              {m.status === 'probationary' && <Tag color="gold" style={{ marginInlineStart: 8 }}>{LABELS.status.probationary}</Tag>}
              {m.isExempt && <Tag style={{ marginInlineStart: 8 }}>{MEMBER_FLAGS.isExempt}</Tag>}
            </>
          ),
        },
        { key: 'birth', title: COLUMN_TITLES.birth, width: 120, render: (_: unknown, m) => formatBirthDate(m.birthDate, m.birthYearOnly) },
        { key: 'gender', title: COLUMN_TITLES.gender, width: 100, render: (_: unknown, m) => (m.gender ? LABELS.gender[m.gender] : '') },
        { key: 'branch', title: COLUMN_TITLES.branch, dataIndex: 'branchName' },
        { key: 'card', title: COLUMN_TITLES.card, dataIndex: 'cardNumber', width: 110 },
        { key: 'position', title: COLUMN_TITLES.position, dataIndex: 'partyPosition' },
      ]}
    />
  );
}
