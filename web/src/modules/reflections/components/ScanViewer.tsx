import { useState } from 'react';
import { Alert, Image, Segmented, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { fileUrl } from '../api';
import type { GradingVersion } from '../grading-api';
import { G } from '../grading-labels';
import { SOURCE } from '../labels';
import { formatDayTime } from '../../../shared/lib/format';

/** The reflection as handed in: photographed pages one below the other, the PDF, or the typed text. */
export function ScanViewer({ versions, currentVersionId }: { versions: GradingVersion[]; currentVersionId: string | null }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const version = versions.find((v) => v.id === (chosen ?? currentVersionId)) ?? versions[0];
  if (!version) return <Alert type="info" showIcon title={G.noContent} />;
  const empty = version.pages.length === 0 && !version.pdf && !version.text && !version.recommendations;
  return (
    <div className="qt-scan" data-testid="scan-viewer">
      {versions.length > 1 && (
        <Segmented size="small" value={version.id} onChange={(v) => setChosen(String(v))} style={{ marginBottom: 8, maxWidth: '100%', overflowX: 'auto' }}
          options={versions.map((v) => ({ value: v.id, label: `${G.version(v.seq)}${v.id === currentVersionId ? ` (${G.currentVersion})` : ''}` }))} />
      )}
      <div className="qt-scan-meta">
        <Tag>{SOURCE[version.source] ?? version.source}</Tag>
        <Typography.Text type="secondary">{formatDayTime(version.submittedAt)} · {version.receiptNumber}</Typography.Text>
      </div>
      {version.source === 'paper' && empty && <Alert type="info" showIcon title={G.paperOnly} />}
      {version.source !== 'paper' && empty && <Alert type="warning" showIcon title={G.noContent} />}
      {version.pages.length > 0 && (
        <Image.PreviewGroup>
          {version.pages.map((p, i) => (
            <figure key={p.fileHash + i} className="qt-scan-page">
              <Image src={fileUrl(p.fileHash)} alt={G.page(i + 1)} width="100%" loading="lazy"
                placeholder={<img src={fileUrl(p.thumbHash)} alt="" style={{ width: '100%' }} />} />
              <figcaption>{G.page(i + 1)}/{version.pages.length}</figcaption>
            </figure>
          ))}
        </Image.PreviewGroup>
      )}
      {version.pdf && (
        <>
          <object data={fileUrl(version.pdf.fileHash)} type="application/pdf" className="qt-scan-pdf" aria-label="PDF">
            <a href={fileUrl(version.pdf.fileHash)} target="_blank" rel="noreferrer"><FilePdfOutlined /> {G.openPdf}</a>
          </object>
          <a href={fileUrl(version.pdf.fileHash)} target="_blank" rel="noreferrer"><FilePdfOutlined /> {G.openPdf}</a>
        </>
      )}
      {version.text && <div className="qt-scan-text">{version.text}</div>}
      {version.recommendations && (
        <div className="qt-scan-text"><Typography.Text strong>{G.recommendations}:</Typography.Text>{'\n'}{version.recommendations}</div>
      )}
    </div>
  );
}
