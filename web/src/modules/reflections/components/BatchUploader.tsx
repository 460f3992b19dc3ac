import { useRef, useState } from 'react';
import { Button, Progress, Space, Typography } from 'antd';
import { CameraOutlined, FilePdfOutlined } from '@ant-design/icons';
import { createBatch, type BatchDetail } from '../batch-api';
import { B } from '../batch-labels';
import { compressPhoto } from '../compress';
import { overallPercent, pageKey, uploadPages, uploadStatusText, withRetry, type PageToSend, type UploadState } from '../upload';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

interface Props { campaignId: string; branchId: string; onCreated: (batch: BatchDetail) => void }

/**
 * One scanned PDF (sent whole, with progress), or photos of the pages: compressed on the device and
 * sent one by one like a member's pages (resumable), then made into a batch in the order chosen.
 */
export function BatchUploader({ campaignId, branchId, onCreated }: Props) {
  const pdfInput = useRef<HTMLInputElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ text: string; percent: number; retrying?: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run(task: () => Promise<BatchDetail>) {
    setError(null);
    try {
      onCreated(await task());
    } catch (err) {
      setError(err);
    } finally {
      setStatus(null);
    }
  }
  const sendPdf = (file: File) => run(() => {
    setStatus({ text: B.uploadingPdf(0), percent: 0 });
    return createBatch(campaignId, branchId, { pdf: file }, (p) => setStatus({ text: p < 100 ? B.uploadingPdf(p) : B.creating, percent: p }));
  });
  const sendPhotos = (files: File[]) => run(async () => {
    const pages: PageToSend[] = [];
    for (const [i, file] of files.entries()) {
      setStatus({ text: `Đang nén ảnh ${i + 1}/${files.length}…`, percent: 0 });
      const small = await compressPhoto(file);
      pages.push({ key: await pageKey(small), blob: small, name: small.name });
    }
    const show = (s: UploadState) => setStatus({ text: uploadStatusText(s), percent: overallPercent(s), retrying: s.retrying });
    await uploadPages(pages, { page: () => undefined, overall: show });
    setStatus({ text: B.creating, percent: 100 });
    return withRetry(() => createBatch(campaignId, branchId, { pageKeys: pages.map((p) => p.key) }, () => undefined),
      (retryIn) => setStatus({ text: `Mất kết nối, đang thử lại sau ${retryIn} giây…`, percent: 100, retrying: true }));
  });

  return (
    <div>
      <input ref={pdfInput} type="file" accept="application/pdf" hidden data-testid="batch-pdf-input"
        onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void sendPdf(f); }} />
      <input ref={photoInput} type="file" accept="image/*" multiple hidden data-testid="batch-photo-input"
        onChange={(e) => { const list = Array.from(e.target.files ?? []); e.target.value = ''; if (list.length) void sendPhotos(list); }} />
      <Space wrap>
        <Button type="primary" size="large" icon={<FilePdfOutlined />} disabled={!!status} onClick={() => pdfInput.current?.click()}>{B.uploadPdf}</Button>
        <Button size="large" icon={<CameraOutlined />} disabled={!!status} onClick={() => photoInput.current?.click()}>{B.uploadPhotos}</Button>
      </Space>
      {status && (
        <div className={`qt-refl-status${status.retrying ? '' : ' qt-ok'}`} role="status" aria-live="polite" data-testid="batch-upload-status">
          <Typography.Text strong>{status.text}</Typography.Text>
          <Progress percent={status.percent} status={status.retrying ? 'exception' : 'active'} showInfo={false} />
        </div>
      )}
      {error ? <ProblemAlert error={error} style={{ marginTop: 12 }} /> : null}
    </div>
  );
}
