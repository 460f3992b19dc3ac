import { useState } from 'react';
import { Alert, DatePicker, Modal, Table, Tag, Typography } from 'antd';
import 'dayjs/locale/vi';
import { useChildrenOn, type OrgDetail, type OrgVersion } from '../api';
import { errorText } from '../../../shared/lib/http';
import { compareVi, formatIsoDate } from '../../../shared/lib/format';
import { orgChangeLabel, ORG_STATUS } from '../../../shared/i18n/vi';

const T = {
  title: (n: string) => `Cây tổ chức tại ngày: ${n}`, pick: 'Chọn ngày', name: 'Tên tổ chức', code: 'Mã', level: 'Cấp', status: 'Tình trạng',
  lastChange: 'Thay đổi gần nhất', count: (n: number, d: string) => `Ngày ${d}: ${n} tổ chức trực thuộc`, prompt: 'Chọn một ngày để xem các tổ chức trực thuộc khi đó.',
};

/** The children of an org as they stood at the end of a chosen day (moves, merges and renames undone). */
export function ChildrenOnDateModal({ org, onClose }: { org: OrgDetail; onClose: () => void }) {
  const [date, setDate] = useState<string | null>(null);
  const rows = useChildrenOn(org.id, date);
  const data = [...(rows.data ?? [])].sort((a, b) => compareVi(a.name, b.name));
  return (
    <Modal open title={T.title(org.name)} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <DatePicker format="DD/MM/YYYY" placeholder={T.pick} style={{ marginBottom: 12 }} id="as-of-date"
        onChange={(d) => setDate(d ? d.format('YYYY-MM-DD') : null)} />
      {!date && <Typography.Paragraph type="secondary">{T.prompt}</Typography.Paragraph>}
      {rows.isError && <Alert type="error" showIcon title={errorText(rows.error)} />}
      {date && rows.data && <Typography.Paragraph strong>{T.count(rows.data.length, formatIsoDate(date))}</Typography.Paragraph>}
      {date && (
        <Table<OrgVersion>
          rowKey="orgId" size="small" loading={rows.isFetching} dataSource={data} pagination={data.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 560 }}
          columns={[
            { key: 'name', title: T.name, dataIndex: 'name' },
            { key: 'code', title: T.code, dataIndex: 'code', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
            { key: 'level', title: T.level, dataIndex: 'levelName', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
            { key: 'status', title: T.status, dataIndex: 'status', render: (s: string) => <Tag>{ORG_STATUS[s] ?? s}</Tag> },
            { key: 'change', title: T.lastChange, dataIndex: 'change', render: orgChangeLabel, onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
          ]}
        />
      )}
    </Modal>
  );
}
