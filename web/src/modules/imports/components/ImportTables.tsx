import { Table, Typography } from 'antd';
import type { ImportIssue, ImportSampleRow } from '../api';
import { formatIsoDate, formatNumber } from '../../../shared/lib/format';
import { LABELS, type Gender } from '../../../shared/i18n/vi';

const T = {
  row: 'Dòng', column: 'Cột', message: 'Nội dung lỗi', warning: 'Nội dung cảnh báo', whole: 'Cả tệp',
  shown: (n: number, all: number) => `Hiển thị ${formatNumber(n)} trên tổng số ${formatNumber(all)} lỗi.`,
  fullName: 'Họ và tên', birthDate: 'Ngày sinh', gender: 'Giới tính', card: 'Số thẻ', branch: 'Chi bộ',
};

/** Errors or warnings, each named by its row (as Excel numbers it) and column. */
export function IssuesTable({ issues, kind, total, testId }: { issues: ImportIssue[]; kind: 'error' | 'warning'; total?: number; testId: string }) {
  const sorted = [...issues].sort((a, b) => a.row - b.row);
  return (
    <>
      {total !== undefined && total > issues.length && <Typography.Paragraph type="secondary">{T.shown(issues.length, total)}</Typography.Paragraph>}
      <Table<ImportIssue>
        data-testid={testId}
        rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
        size="small"
        dataSource={sorted}
        pagination={sorted.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 560 }}
        columns={[
          { key: 'row', title: T.row, dataIndex: 'row', width: 80, render: (r: number) => (r > 0 ? r : T.whole) },
          { key: 'column', title: T.column, dataIndex: 'column', width: 200 },
          {
            key: 'message', title: kind === 'error' ? T.message : T.warning, dataIndex: 'message',
            render: (m: string) => <Typography.Text type={kind === 'error' ? 'danger' : 'warning'}>{m}</Typography.Text>,
          },
        ]}
      />
    </>
  );
}

export function SampleTable({ rows }: { rows: ImportSampleRow[] }) {
  const hasBranch = rows.some((r) => r.branch);
  return (
    <Table<ImportSampleRow>
      rowKey="row"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 640 }}
      columns={[
        { key: 'row', title: T.row, dataIndex: 'row', width: 70 },
        { key: 'fullName', title: T.fullName, dataIndex: 'fullName' },
        { key: 'birthDate', title: T.birthDate, dataIndex: 'birthDate', width: 120, render: formatIsoDate },
        { key: 'gender', title: T.gender, dataIndex: 'gender', width: 90, render: (g: Gender | null) => (g ? LABELS.gender[g] ?? g : '') },
        { key: 'card', title: T.card, dataIndex: 'cardNumber', width: 110 },
        ...(hasBranch ? [{ key: 'branch', title: T.branch, dataIndex: 'branch' }] : []),
      ]}
    />
  );
}
