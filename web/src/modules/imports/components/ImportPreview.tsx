import { Alert, Button, Card, Descriptions, Result, Space, Statistic, Typography } from 'antd';
import { DatabaseOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ImportView } from '../api';
import { IssuesTable, SampleTable } from './ImportTables';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { formatNumber } from '../../../shared/lib/format';

const T = {
  rows: 'Dòng đảng viên', created: 'Thêm mới', updated: 'Cập nhật', errors: 'Lỗi',
  sheetTitle: 'Tiêu đề trong tệp', issuingOrg: 'Đơn vị lập danh sách', file: 'Tệp',
  rejected: 'Tệp có lỗi: chưa có dữ liệu nào được ghi vào cơ sở dữ liệu.',
  rejectedHelp: 'Hãy sửa tệp theo danh sách lỗi dưới đây (dòng và cột như Excel hiển thị) rồi tải lên lại.',
  failed: 'Không đọc được tệp', ready: 'Tệp hợp lệ. Kiểm tra lại các số liệu rồi bấm "Ghi vào cơ sở dữ liệu".',
  readyHelp: 'Toàn bộ danh sách được ghi trong một lần: hoặc ghi tất cả, hoặc không ghi dòng nào.',
  commit: 'Ghi vào cơ sở dữ liệu', again: 'Nhập tệp khác', seeMembers: 'Xem danh sách đảng viên',
  committed: 'Đã ghi danh sách vào cơ sở dữ liệu',
  committedSub: (v: ImportView) => `${formatNumber(v.summary?.rows ?? 0)} dòng: ${formatNumber(v.summary?.created ?? 0)} đảng viên thêm mới, ${formatNumber(v.summary?.updated ?? 0)} đảng viên cập nhật.`,
  errorList: 'Danh sách lỗi', warningList: 'Cảnh báo (không chặn việc ghi)', sample: (n: number) => `Xem trước ${formatNumber(n)} dòng đầu`,
};

interface Props { view: ImportView; onCommit: () => void; committing: boolean; commitError: unknown; onReset: () => void }

/** Step 3: what the sheet holds and what is wrong in it; then writing it, all or nothing. */
export function ImportPreview({ view, onCommit, committing, commitError, onReset }: Props) {
  const s = view.summary;
  const errorCount = s?.errorCount ?? s?.errors.length ?? 0;
  const againButton = <Button icon={<ReloadOutlined />} onClick={onReset}>{T.again}</Button>;

  if (view.status === 'committed') {
    return (
      <Card data-testid="import-result">
        <Result status="success" title={T.committed} subTitle={T.committedSub(view)}
          extra={[<Link key="m" to={`/members?orgId=${view.targetOrgId}`}><Button type="primary" icon={<TeamOutlined />}>{T.seeMembers}</Button></Link>, <span key="a">{againButton}</span>]} />
      </Card>
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="import-preview">
      <Card>
        {view.status === 'rejected' && <Alert type="error" showIcon title={T.rejected} description={T.rejectedHelp} style={{ marginBottom: 16 }} data-testid="import-rejected" />}
        {view.status === 'failed' && <Alert type="error" showIcon title={T.failed} style={{ marginBottom: 16 }} />}
        {view.status === 'ready' && <Alert type="success" showIcon title={T.ready} description={T.readyHelp} style={{ marginBottom: 16 }} />}
        <div className="qt-toolbar" style={{ gap: 32, marginBottom: 16 }} data-testid="import-counts">
          <Statistic title={T.rows} value={s?.rows ?? 0} formatter={(v) => formatNumber(Number(v))} />
          <Statistic title={T.created} value={s?.created ?? 0} formatter={(v) => formatNumber(Number(v))} />
          <Statistic title={T.updated} value={s?.updated ?? 0} formatter={(v) => formatNumber(Number(v))} />
          <Statistic title={T.errors} value={errorCount} formatter={(v) => formatNumber(Number(v))} styles={{ content: { color: errorCount ? '#cf1322' : undefined } }} />
        </div>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
          { key: 'file', label: T.file, children: view.fileName },
          ...(s?.title ? [{ key: 'title', label: T.sheetTitle, children: s.title }] : []),
          ...(s?.issuingOrg ? [{ key: 'org', label: T.issuingOrg, children: s.issuingOrg }] : []),
        ]} />
        <ProblemAlert error={commitError} style={{ marginTop: 16 }} />
        <div className="qt-toolbar" style={{ marginTop: 16 }}>
          {view.status === 'ready' && (
            <Button type="primary" size="large" icon={<DatabaseOutlined />} loading={committing} onClick={onCommit}>{T.commit}</Button>
          )}
          {againButton}
        </div>
      </Card>
      {s && s.errors.length > 0 && (
        <Card title={<Typography.Text type="danger">{T.errorList} ({formatNumber(errorCount)})</Typography.Text>}>
          <IssuesTable issues={s.errors} kind="error" total={errorCount} testId="import-errors" />
        </Card>
      )}
      {s && s.warnings.length > 0 && (
        <Card title={`${T.warningList} (${formatNumber(s.warnings.length)})`}>
          <IssuesTable issues={s.warnings} kind="warning" testId="import-warnings" />
        </Card>
      )}
      {s?.sample && s.sample.length > 0 && (
        <Card title={T.sample(s.sample.length)}><SampleTable rows={s.sample} /></Card>
      )}
    </Space>
  );
}
