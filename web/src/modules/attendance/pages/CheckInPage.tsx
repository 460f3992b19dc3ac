import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Input, List, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { CameraOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type QrScanner from 'qr-scanner';
import { useQueryClient } from '@tanstack/react-query';
import { syncCheckIns, useCheckIn, useConferenceHead, useRoster, type CheckInResult, type SyncResult } from '../api';
import { dropSent, enqueueScan, readQueue, SYNC_BATCH, type QueuedScan } from '../offline-queue';
import { T } from '../labels';
import { ApiError, errorText, isNotFound } from '../../../shared/lib/http';
import { formatDayTime } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../attendance.css';

type Outcome = { kind: 'ok' | 'again'; result: CheckInResult } | { kind: 'error'; message: string } | { kind: 'queued' };

/** No answer from the server (no signal, or the proxy could not reach it): the scan is kept for later. */
const unsent = (err: unknown) => err instanceof ApiError && (err.status === 0 || err.status >= 502);

/** The organizer's phone as a scanner: camera reads each invitee's QR code; a code can also be typed. */
export default function CheckInPage() {
  const { id = '' } = useParams();
  const conference = useConferenceHead(id);
  const roster = useRoster(id, { pageSize: 1 });
  const checkIn = useCheckIn(id);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [recent, setRecent] = useState<CheckInResult[]>([]);
  const [manual, setManual] = useState('');
  const lastCode = useRef<{ code: string; at: number } | null>(null);
  const offline = useOfflineQueue(id);

  const submit = useCallback((code: string) => {
    // The camera sees the same code many times a second: send it once every few seconds at most.
    const now = Date.now();
    if (lastCode.current && lastCode.current.code === code && now - lastCode.current.at < 3000) return;
    lastCode.current = { code, at: now };
    const keep = () => { offline.add({ code, scannedAt: new Date(now).toISOString() }); setOutcome({ kind: 'queued' }); };
    if (!navigator.onLine) { keep(); return; }
    checkIn.mutate(code, {
      onSuccess: (result) => {
        setOutcome({ kind: result.outcome === 'checked_in' ? 'ok' : 'again', result });
        setRecent((r) => [result, ...r.filter((x) => x.invitationId !== result.invitationId)].slice(0, 20));
      },
      onError: (err) => (unsent(err) ? keep() : setOutcome({ kind: 'error', message: errorText(err) })),
    });
  }, [checkIn, offline]);

  if (conference.isPending) return <Skeleton active />;
  if (conference.isError) {
    return isNotFound(conference.error) ? <Result status="404" title="Không tìm thấy hội nghị" /> : <ProblemAlert error={conference.error} />;
  }
  const c = conference.data;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="check-in-page">
      <Breadcrumb items={[{ title: <Link to={`/conferences/${id}`}>{c.title}</Link> }, { title: T.checkInTitle }]} />
      <Typography.Title level={3} style={{ marginTop: 8 }}>{T.checkInTitle}</Typography.Title>
      {roster.data && (
        <Typography.Paragraph style={{ fontSize: 17 }}>
          Có mặt <strong data-testid="present-count">{roster.data.counts.present}</strong> / {roster.data.counts.all} người được mời
        </Typography.Paragraph>
      )}
      {c.status !== 'scheduled' && <Alert type="warning" showIcon title="Hội nghị đã kết thúc hoặc bị hủy, không thể điểm danh." style={{ marginBottom: 12 }} />}
      <Scanner onCode={submit} />
      {/* "Kept for later" no longer holds once the queue has been sent. */}
      <OutcomeBanner outcome={outcome?.kind === 'queued' && offline.queue.length === 0 ? null : outcome} />
      <PendingScans offline={offline} />
      <Card size="small" title={T.manualCode} style={{ marginTop: 12 }}>
        <Space.Compact style={{ width: '100%' }}>
          <Input size="large" value={manual} onChange={(e) => setManual(e.target.value)} placeholder="QT1:…" aria-label={T.manualCode}
            onPressEnter={() => manual.trim() && submit(manual.trim())} />
          <Button size="large" type="primary" loading={checkIn.isPending} onClick={() => manual.trim() && submit(manual.trim())}>{T.manualSubmit}</Button>
        </Space.Compact>
      </Card>
      {recent.length > 0 && (
        <List header="Vừa điểm danh" style={{ marginTop: 12 }} dataSource={recent}
          renderItem={(r) => <List.Item><span>{r.fullName}</span><Typography.Text type="secondary">{r.branchName ?? T.guest}</Typography.Text></List.Item>} />
      )}
    </div>
  );
}

function OutcomeBanner({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  if (outcome.kind === 'queued') return <div className="qt-scan-result qt-scan-again" role="status" data-testid="scan-result">{T.queued}</div>;
  if (outcome.kind === 'error') return <div className="qt-scan-result qt-scan-error" role="alert">{outcome.message}</div>;
  const r = outcome.result;
  return (
    <div className={`qt-scan-result ${outcome.kind === 'ok' ? 'qt-scan-ok' : 'qt-scan-again'}`} role="status" data-testid="scan-result">
      {outcome.kind === 'ok' ? T.checkedIn : `${T.alreadyPresent} ${formatDayTime(r.checkedInAt)}`}
      <strong>{r.fullName}</strong>
      {r.branchName ?? <Tag>{T.guest}</Tag>}
    </div>
  );
}

type OfflineQueue = ReturnType<typeof useOfflineQueue>;

/**
 * The scans waiting to be sent, and their sending: at once when the connection comes back, every 20 s
 * while any wait, and on demand; up to 2,000 a request. A scan leaves the queue only once the server
 * has answered for it, so a sync cut off half-way is simply sent again (a check-in counts once).
 */
function useOfflineQueue(conferenceId: string) {
  const qc = useQueryClient();
  const [queue, setQueue] = useState<QueuedScan[]>(() => readQueue(conferenceId));
  const [syncing, setSyncing] = useState(false);
  const [last, setLast] = useState<{ result: SyncResult } | { error: string } | null>(null);
  const busy = useRef(false);

  const sync = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setSyncing(true);
    try {
      for (let batch = readQueue(conferenceId).slice(0, SYNC_BATCH); batch.length; batch = readQueue(conferenceId).slice(0, SYNC_BATCH)) {
        const result = await syncCheckIns(conferenceId, batch);
        setQueue(dropSent(conferenceId, batch));
        setLast({ result });
      }
    } catch (err) {
      // Still no connection: the scans stay for the next try. A refusal of the whole request (the
      // conference is not this user's) is shown, the scans kept for someone who can send them.
      if (!unsent(err)) setLast({ error: errorText(err) });
    } finally {
      busy.current = false;
      setSyncing(false);
      qc.invalidateQueries({ queryKey: ['roster', conferenceId] });
    }
  }, [conferenceId, qc]);

  const add = useCallback((scan: QueuedScan) => setQueue(enqueueScan(conferenceId, scan)), [conferenceId]);

  useEffect(() => {
    const online = () => void sync();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [sync]);
  const waiting = queue.length > 0;
  useEffect(() => {
    if (!waiting) return;
    if (navigator.onLine) void sync();
    const timer = setInterval(() => { if (navigator.onLine) void sync(); }, 20_000);
    return () => clearInterval(timer);
  }, [waiting, sync]);

  return { queue, add, sync, syncing, last };
}

function PendingScans({ offline }: { offline: OfflineQueue }) {
  const { queue, sync, syncing, last } = offline;
  const result = last && 'result' in last ? last.result : null;
  const failed = result?.results.filter((r) => !r.ok) ?? [];
  const whole = last && 'error' in last ? last.error : null;
  return (
    <>
      {queue.length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} data-testid="pending-scans"
          title={<strong style={{ fontSize: 17 }}>{T.pending(queue.length)}</strong>}
          description={T.pendingHint}
          action={<Button size="large" loading={syncing} onClick={() => void sync()}>{T.sendNow}</Button>} />
      )}
      {whole && <Alert type="error" showIcon style={{ marginTop: 12 }} title={whole} />}
      {result && result.results.length > 0 && (
        <Alert type={failed.length ? 'warning' : 'success'} showIcon style={{ marginTop: 12 }} data-testid="sync-result"
          title={T.synced(result.results.length, result.checkedIn, result.alreadyPresent, result.failed)}
          description={failed.length > 0 && (
            <List size="small" header={T.syncFailed} dataSource={failed.slice(0, 20)}
              renderItem={(r) => <List.Item><Typography.Text code>{r.code.slice(0, 30)}</Typography.Text> {!r.ok && r.error.title}</List.Item>} />
          )} />
      )}
    </>
  );
}

/** Camera preview decoding QR codes in the browser (qr-scanner: BarcodeDetector where present, else its worker). */
function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const scanner = useRef<QrScanner | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => () => { scanner.current?.destroy(); scanner.current = null; }, []);

  const start = async () => {
    setError(null);
    try {
      const { default: Scanner } = await import('qr-scanner');
      scanner.current ??= new Scanner(video.current!, (res) => onCodeRef.current(res.data), {
        returnDetailedScanResult: true, highlightScanRegion: true, preferredCamera: 'environment', maxScansPerSecond: 8,
      });
      await scanner.current.start();
      setRunning(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : T.cameraError);
    }
  };
  const stop = () => { scanner.current?.stop(); setRunning(false); };

  return (
    <div>
      <div className="qt-scan-video-wrap"><video ref={video} muted playsInline data-testid="scanner-video" /></div>
      <div style={{ textAlign: 'center', marginTop: 10 }}>
        {running
          ? <Button size="large" icon={<PauseCircleOutlined />} onClick={stop}>{T.stopCamera}</Button>
          : <Button size="large" type="primary" icon={<CameraOutlined />} onClick={start} data-testid="start-camera">{T.startCamera}</Button>}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 10 }} />}
    </div>
  );
}
