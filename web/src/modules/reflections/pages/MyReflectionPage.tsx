import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Progress, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey, submitReflection, useMyReflection, type MyReflection, type SubmitResult } from '../api';
import { compressPhoto } from '../compress';
import { overallPercent, pageKey, uploadPages, uploadStatusText, withRetry, type PageProgress, type PageToSend, type UploadState } from '../upload';
import { PagePicker, type PickedPage } from '../components/PagePicker';
import { VersionList } from '../components/VersionList';
import { R } from '../labels';
import { MyCampaignFrame, useCampaignIdParam } from '../../attendance/components/MyCampaignFrame';
import { formatDayTime } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../reflections.css';

/** A member hands in their reflection from the phone: photos of the pages or a PDF, optional text. */
export default function MyReflectionPage() {
  const campaignId = useCampaignIdParam();
  const mine = useMyReflection(campaignId);
  return (
    <MyCampaignFrame campaignId={campaignId} query={mine} title={R.title} className="qt-my" testId="my-reflection-page">
      {(data) => <Body data={data} />}
    </MyCampaignFrame>
  );
}

/** The clock, read again every half minute: the due date may pass while the page is open. */
function useNow(everyMs = 30_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * Where the member stands against the deadlines, by the server's rules: after the due date a reflection
 * still goes in but counts as late; after the cut-off it does not go in unless the committee granted an
 * extension (`open` is the server's answer when the page loaded; it is what hides the form).
 */
function DeadlineNotice({ data }: { data: MyReflection }) {
  const now = useNow();
  const { dueAt, cutoffAt } = data.settings;
  const extension = data.extensionUntil && now <= Date.parse(data.extensionUntil) ? data.extensionUntil : null;
  const late = !!dueAt && now > Date.parse(dueAt);
  if (!data.open) {
    return <Alert type="error" showIcon title={R.closedTitle} description={R.closedText(cutoffAt ? formatDayTime(cutoffAt) : null)}
      style={{ marginBottom: 16 }} data-testid="reflection-closed" />;
  }
  if (extension) {
    return <Alert type="info" showIcon title={R.extended(formatDayTime(extension))} description={late ? R.extendedLate : undefined}
      style={{ marginBottom: 16 }} data-testid="reflection-extension" />;
  }
  if (late) {
    return <Alert type="warning" showIcon title={R.lateTitle} description={R.lateText(cutoffAt ? formatDayTime(cutoffAt) : null)}
      style={{ marginBottom: 16 }} data-testid="reflection-late" />;
  }
  return null;
}

function Body({ data }: { data: MyReflection }) {
  const { settings } = data;
  return (
    <>
      <Typography.Paragraph type="secondary">{data.campaign.title}</Typography.Paragraph>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }} items={[
        ...(settings.dueAt ? [{ key: 'due', label: R.dueAt, children: formatDayTime(settings.dueAt) }] : []),
        ...(settings.cutoffAt ? [{ key: 'cut', label: R.cutoffAt, children: formatDayTime(settings.cutoffAt) }] : []),
        ...(data.extensionUntil ? [{ key: 'ext', label: R.extension, children: formatDayTime(data.extensionUntil) }] : []),
      ]} />
      <DeadlineNotice data={data} />
      {settings.mustHandwrite && <Alert type="info" showIcon title={R.mustHandwrite} style={{ marginBottom: 16 }} />}
      {data.open && <SubmitForm data={data} />}
      <Typography.Title level={4}>{R.versions}</Typography.Title>
      <VersionList reflection={data.reflection} />
    </>
  );
}

function SubmitForm({ data }: { data: MyReflection }) {
  const qc = useQueryClient();
  const [pages, setPages] = useState<PickedPage[]>([]);
  const [pdf, setPdf] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [recommendations, setRecommendations] = useState('');
  // Kept across retries of the same content, so a retry after a lost answer is not a second submission.
  const [key, setKey] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preparing' | 'pages' | 'submitting' | null>(null);
  const [progress, setProgress] = useState(0);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [sent, setSent] = useState<Record<string, PageProgress>>({});
  // Each photo is compressed and hashed once; a retry sends the same bytes under the same key.
  const prepared = useRef(new Map<string, PageToSend>());
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<SubmitResult['receipt'] | null>(null);
  const changed = <T,>(set: (v: T) => void) => (v: T) => { set(v); setKey(null); setReceipt(null); setError(null); };
  const max = data.settings.maxPages;

  const addPhotos = changed((files: File[]) => {
    const next = [...pages, ...files.map((file) => ({ key: `${file.name}-${file.lastModified}-${Math.random()}`, file }))];
    if (next.length > max) setError(new Error(R.tooManyPages(max)));
    setPages(next.slice(0, max));
  });

  async function preparePages(): Promise<PageToSend[]> {
    const list: PageToSend[] = [];
    for (const p of pages) {
      let ready = prepared.current.get(p.key);
      if (!ready) {
        const file = await compressPhoto(p.file);
        ready = { key: await pageKey(file), blob: file, name: file.name };
        prepared.current.set(p.key, ready);
      }
      list.push(ready);
    }
    return list;
  }

  async function submit() {
    if (!pdf && pages.length === 0 && !text.trim() && !recommendations.trim()) return setError(new Error(R.nothing));
    const idempotencyKey = key ?? newIdempotencyKey();
    setKey(idempotencyKey); setError(null); setProgress(0); setUpload(null);
    try {
      setBusy('preparing');
      const toSend = await preparePages();
      setBusy('pages');
      await uploadPages(toSend, { page: (k, state) => setSent((prev) => ({ ...prev, [k]: state })), overall: setUpload });
      setBusy('submitting');
      const form = new FormData();
      if (text.trim()) form.append('text', text);
      if (recommendations.trim()) form.append('recommendations', recommendations);
      if (toSend.length) form.append('pageKeys', JSON.stringify(toSend.map((p) => p.key)));
      if (pdf) form.append('files', pdf, pdf.name);
      const result = await withRetry(() => { setUpload(null); return submitReflection(data.campaign.id, form, idempotencyKey, setProgress); },
        (retryIn) => setUpload({ done: toSend.length, total: toSend.length, current: null, percent: 0, retrying: true, retryIn }));
      setReceipt(result.receipt);
      setPages([]); setPdf(null); setText(''); setRecommendations(''); setKey(null); setSent({}); setUpload(null);
      prepared.current.clear();
      qc.setQueryData(['my-reflection', data.campaign.id], { ...data, reflection: result.reflection });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  const statesByPage = Object.fromEntries(pages.map((p) => [p.key, sent[prepared.current.get(p.key)?.key ?? '']]));
  return (
    <>
      {receipt && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} data-testid="reflection-receipt" title={R.receipt}
          description={<>{R.receiptNumber}: <b>{receipt.number}</b><br />{R.receivedAt}: <b>{formatDayTime(receipt.submittedAt)}</b></>} />
      )}
      <Card title={R.pages} style={{ marginBottom: 16 }}>
        <PagePicker pages={pages} pdf={pdf} maxPages={max} disabled={!!busy}
          onPhotos={addPhotos} onPdf={changed(setPdf)} onPages={changed(setPages)} states={statesByPage} />
      </Card>
      <Typography.Text strong>{R.text}</Typography.Text>
      <Input.TextArea value={text} onChange={(e) => changed(setText)(e.target.value)} autoSize={{ minRows: 3, maxRows: 12 }}
        placeholder={R.textHint} maxLength={50_000} disabled={!!busy} style={{ margin: '8px 0 16px' }} />
      <Typography.Text strong>{R.recommendations}</Typography.Text>
      <Input.TextArea value={recommendations} onChange={(e) => changed(setRecommendations)(e.target.value)} autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={20_000} disabled={!!busy} style={{ margin: '8px 0 16px' }} />
      {error ? (error instanceof Error && !('problem' in error) ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : <ProblemAlert error={error} />) : null}
      {busy && <SendStatus busy={busy} upload={upload} progress={progress} pageCount={pages.length} />}
      <Button type="primary" size="large" block icon={<SendOutlined />} loading={!!busy} onClick={submit} style={{ margin: '8px 0 24px' }}>
        {data.reflection?.versions.length ? R.resubmit : R.submit}
      </Button>
    </>
  );
}

/** One line the member can read while the reflection goes up: which page, how far, and whether it is retrying. */
function SendStatus({ busy, upload, progress, pageCount }: { busy: 'preparing' | 'pages' | 'submitting'; upload: UploadState | null; progress: number; pageCount: number }) {
  let text: string = R.preparing;
  let percent = 0;
  if (busy === 'pages' && upload) {
    text = uploadStatusText(upload);
    percent = overallPercent(upload);
  } else if (busy === 'submitting') {
    const retrying = upload?.retrying;
    text = retrying ? `Mất kết nối khi nộp bài, đang thử lại sau ${upload!.retryIn} giây…` : `${pageCount ? `Đã gửi đủ ${pageCount} trang — ` : ''}đang nộp bài (${progress}%)`;
    percent = progress;
  }
  const retrying = !!upload?.retrying;
  return (
    <div className={`qt-refl-status${retrying ? '' : ' qt-ok'}`} role="status" aria-live="polite" data-testid="upload-status">
      <Typography.Text strong>{text}</Typography.Text>
      <Progress percent={percent} status={retrying ? 'exception' : 'active'} showInfo={false} />
    </div>
  );
}
