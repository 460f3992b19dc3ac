import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Input, List, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { CameraOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type QrScanner from 'qr-scanner';
import { useCheckIn, useConferenceHead, useRoster, type CheckInResult } from '../api';
import { T } from '../labels';
import { ApiError, errorText, isNotFound } from '../../../shared/lib/http';
import { formatDayTime } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../attendance.css';

type Outcome = { kind: 'ok' | 'again'; result: CheckInResult } | { kind: 'error'; message: string };

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

  const submit = useCallback((code: string) => {
    // The camera sees the same code many times a second: send it once every few seconds at most.
    const now = Date.now();
    if (lastCode.current && lastCode.current.code === code && now - lastCode.current.at < 3000) return;
    lastCode.current = { code, at: now };
    checkIn.mutate(code, {
      onSuccess: (result) => {
        setOutcome({ kind: result.outcome === 'checked_in' ? 'ok' : 'again', result });
        setRecent((r) => [result, ...r.filter((x) => x.invitationId !== result.invitationId)].slice(0, 20));
      },
      onError: (err) => setOutcome({ kind: 'error', message: errorText(err) }),
    });
  }, [checkIn]);

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
      <OutcomeBanner outcome={outcome} />
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
