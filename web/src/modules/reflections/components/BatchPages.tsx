import { useEffect, useState } from 'react';
import { Alert, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { batchFileUrl, type BatchAssignment, type BatchDetail } from '../batch-api';
import { B } from '../batch-labels';
import type { Range } from '../batch-range';
import { openPdfDocument, renderThumbnail } from '../pdf-thumbs';

interface Props {
  batch: BatchDetail;
  owners: Array<BatchAssignment | null>;
  selection: Range | null;
  nextFree: number | null;
  onPage: (page: number) => void;
}

const THUMB_WIDTH = 112;

/**
 * The batch's pages as thumbnails: a page already assigned shows whose it is, the pages of the range
 * being typed are outlined, and the next free page is marked. Clicking picks the first, then the last
 * page of a range.
 */
export function BatchPages({ batch, owners, selection, nextFree, onPage }: Props) {
  const thumbs = usePdfThumbs(batch);
  return (
    <div>
      {batch.pdfHash && (
        <Typography.Paragraph>
          <a href={batchFileUrl(batch.id, batch.pdfHash)} target="_blank" rel="noreferrer"><FilePdfOutlined /> {B.openPdf}</a>
          {thumbs.pending && <Typography.Text type="secondary"> — {B.rendering}</Typography.Text>}
        </Typography.Paragraph>
      )}
      {thumbs.failed && <Alert type="warning" showIcon title={B.pdfFailed} style={{ marginBottom: 12 }} />}
      <div className="qt-batch-grid" data-testid="batch-pages">
        {owners.map((owner, i) => {
          const n = i + 1;
          const picked = !!selection && selection.from <= n && n <= selection.to;
          const src = batch.kind === 'photos' ? batchFileUrl(batch.id, batch.pages[i].thumbHash) : thumbs.urls[i];
          const cls = ['qt-batch-page', owner ? 'is-owned' : '', picked ? 'is-picked' : '', n === nextFree && !picked ? 'is-next' : ''].join(' ');
          return (
            <button key={n} type="button" className={cls} onClick={() => onPage(n)} aria-pressed={picked} data-testid="batch-thumb"
              aria-label={`${B.page(n)}${owner ? ` — ${owner.memberName}` : ''}`}>
              {src ? <img src={src} alt="" loading="lazy" /> : <span className="qt-batch-blank" />}
              <span className="qt-batch-page-no">{n}</span>
              {owner && <span className="qt-batch-owner">{owner.memberName}</span>}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** Draws the PDF's pages one after another, so the first ones show while the rest are drawn. */
function usePdfThumbs(batch: BatchDetail) {
  const [urls, setUrls] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (batch.kind !== 'pdf' || !batch.pdfHash) return;
    let cancelled = false;
    setUrls([]); setFailed(false); setPending(true);
    (async () => {
      const doc = await openPdfDocument(batchFileUrl(batch.id, batch.pdfHash!));
      try {
        for (let n = 1; n <= doc.numPages && !cancelled; n++) {
          const url = await renderThumbnail(doc, n, THUMB_WIDTH);
          if (!cancelled) setUrls((prev) => { const next = [...prev]; next[n - 1] = url; return next; });
        }
      } finally {
        void doc.destroy();
      }
    })().catch(() => { if (!cancelled) setFailed(true); }).finally(() => { if (!cancelled) setPending(false); });
    return () => { cancelled = true; };
  }, [batch.id, batch.kind, batch.pdfHash]);
  return { urls, pending, failed };
}
