import { useState } from 'react';
import { Alert, Steps, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { isWorking, useCommitImport, useImport } from '../api';
import { ImportForm } from '../components/ImportForm';
import { ImportProgress } from '../components/ImportProgress';
import { ImportPreview } from '../components/ImportPreview';
import { useMe } from '../../auth/api';
import { errorText } from '../../../shared/lib/http';
import { PageSpinner } from '../../../shared/ui/PageSpinner';

const T = { title: 'Nhập danh sách đảng viên', steps: ['Chọn tệp', 'Kiểm tra', 'Xem trước', 'Ghi dữ liệu'] };

function stepOf(status: string | undefined, committing: boolean): number {
  if (!status) return 0;
  if (status === 'parsing') return 1;
  if (status === 'committed') return 4;
  if (status === 'committing' || committing) return 3;
  return 2;
}

/** "Nhập danh sách": upload → the server checks every row → preview with errors → write all or nothing. */
export default function ImportPage() {
  const [params, setParams] = useSearchParams();
  const importId = params.get('import');
  const me = useMe().data!;
  const commit = useCommitImport();
  const job = useImport(importId, commit.isPending);
  const view = job.data;
  const firstGrant = me.grants.find((g) => g.role !== 'member');
  // The receiving org stays chosen for the next file (a corrected sheet usually goes to the same place).
  const [target, setTarget] = useState<{ id?: string; name?: string }>({ id: firstGrant?.orgId, name: firstGrant?.orgName });

  const setImport = (id: string | null) => {
    commit.reset();
    setParams((p) => { if (id) p.set('import', id); else p.delete('import'); return p; });
  };

  let body: React.ReactNode;
  if (!importId) {
    body = <ImportForm defaultOrgId={target.id} defaultOrgName={target.name} onUploaded={(v, name) => { setTarget({ id: v.targetOrgId, name }); setImport(v.id); }} />;
  } else if (job.isPending) {
    body = <PageSpinner />;
  } else if (job.isError || !view) {
    body = <Alert type="error" showIcon title={errorText(job.error)} />;
  } else if (isWorking(view.status) || commit.isPending) {
    body = <ImportProgress view={view} committing={commit.isPending} />;
  } else {
    body = <ImportPreview view={view} committing={commit.isPending} commitError={commit.error} onCommit={() => commit.mutate(view.id)} onReset={() => setImport(null)} />;
  }

  return (
    <>
      <Typography.Title level={2} className="qt-page-title">{T.title}</Typography.Title>
      <Steps size="small" current={stepOf(view && importId ? view.status : undefined, commit.isPending)} items={T.steps.map((title) => ({ title }))}
        style={{ marginBottom: 20 }} responsive />
      {body}
    </>
  );
}
