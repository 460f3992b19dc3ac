import { useState } from 'react';
import { Alert, App, Button, Modal, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { importGrades, useGradingActions, type ImportResult } from '../grading-api';
import { G } from '../grading-labels';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

/** Upload of a filled grade sheet: preview (errors by row and column), then commit of every row or none. */
export function ImportGradesModal({ open, onClose, campaignId, branchId, marker }: {
  open: boolean; onClose: () => void; campaignId: string; branchId: string; marker: number;
}) {
  const { message } = App.useApp();
  const { refresh } = useGradingActions();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const close = () => { setFile(null); setPreview(null); setError(null); onClose(); };

  async function run(commit: boolean) {
    if (!file) return;
    setBusy(true); setError(null);
    try {
      const result = await importGrades({ campaignId, branchId, marker, commit }, file);
      if (commit) { await refresh(); message.success(G.importDone(result.saved)); close(); } else setPreview(result);
    } catch (e) { setError(e); } finally { setBusy(false); }
  }

  const ready = preview && preview.errors.length === 0;
  return (
    <Modal open={open} title={G.importTitle} onCancel={close} width={760} destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>Đóng</Button>,
        <Button key="preview" onClick={() => run(false)} disabled={!file} loading={busy && !ready}>{G.preview}</Button>,
        <Button key="commit" type="primary" onClick={() => run(true)} disabled={!ready || preview.saved === 0} loading={busy && !!ready} data-testid="import-commit">{G.commit}</Button>,
      ]}>
      <Typography.Paragraph type="secondary">{G.importHint}</Typography.Paragraph>
      <Upload accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1}
        beforeUpload={(f) => { setFile(f); setPreview(null); setError(null); return false; }}
        onRemove={() => { setFile(null); setPreview(null); }} fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}>
        <Button icon={<UploadOutlined />}>{G.chooseFile}</Button>
      </Upload>
      <div style={{ marginTop: 12 }}>
        {error ? <ProblemAlert error={error} /> : null}
        {preview && preview.errors.length > 0 && (
          <>
            <Alert type="error" showIcon style={{ marginBottom: 8 }} title={G.importErrors(preview.errors.length)} />
            <Table size="small" pagination={false} scroll={{ y: 320 }} rowKey={(e) => `${e.row}-${e.column}-${e.message}`} dataSource={preview.errors}
              columns={[{ title: G.row, dataIndex: 'row', width: 64 }, { title: G.column, dataIndex: 'column', width: 200 }, { title: G.error, dataIndex: 'message' }]} />
          </>
        )}
        {ready && <Alert type="success" showIcon title={G.importReady(preview.saved, preview.unchanged, preview.skipped)} />}
      </div>
    </Modal>
  );
}
