import { Card, Progress, Typography } from 'antd';
import type { ImportView } from '../api';
import { formatNumber } from '../../../shared/lib/format';

const T = {
  parsing: 'Đang đọc và kiểm tra tệp', committing: 'Đang ghi vào cơ sở dữ liệu',
  rows: (done: number, total: number) => (total > 0 ? `${formatNumber(done)} / ${formatNumber(total)} dòng` : `Đã đọc ${formatNumber(done)} dòng`),
};

/** Step 2: the server reads (or writes) the sheet; the bar follows processedRows. */
export function ImportProgress({ view, committing }: { view: ImportView; committing?: boolean }) {
  const phase = committing || view.status === 'committing' || view.phase === 'committing' ? 'committing' : 'parsing';
  const known = view.totalRows > 0;
  const percent = known ? Math.min(99, Math.floor((view.processedRows / view.totalRows) * 100)) : undefined;
  return (
    <Card data-testid="import-progress">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{T[phase]}: {view.fileName}</Typography.Title>
      <Progress percent={percent ?? 100} status="active" showInfo={known} strokeColor={known ? undefined : { from: '#ffcdd2', to: '#b71c1c' }} />
      <Typography.Text type="secondary">{T.rows(view.processedRows, view.totalRows)}</Typography.Text>
    </Card>
  );
}
