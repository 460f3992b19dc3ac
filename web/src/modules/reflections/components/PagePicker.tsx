import { useEffect, useMemo, useRef } from 'react';
import { Button, Progress, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CameraOutlined, CheckCircleFilled, DeleteOutlined, FilePdfOutlined } from '@ant-design/icons';
import { R } from '../labels';
import type { PageProgress } from '../upload';

export interface PickedPage { key: string; file: File }

interface Props {
  pages: PickedPage[]; pdf: File | null; maxPages: number; disabled: boolean;
  onPhotos: (files: File[]) => void; onPdf: (file: File | null) => void; onPages: (pages: PickedPage[]) => void;
  /** Upload progress of each page while the submission is sent, by PickedPage key. */
  states?: Record<string, PageProgress | undefined>;
}

/** Photos of the pages in order (re-orderable with up/down), or one PDF instead. */
export function PagePicker({ pages, pdf, maxPages, disabled, onPhotos, onPdf, onPages, states = {} }: Props) {
  const photoInput = useRef<HTMLInputElement>(null);
  const pdfInput = useRef<HTMLInputElement>(null);
  const move = (i: number, d: number) => {
    const next = [...pages];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onPages(next);
  };
  return (
    <div>
      <input ref={photoInput} type="file" accept="image/*" capture="environment" multiple hidden data-testid="photo-input"
        onChange={(e) => { onPhotos(Array.from(e.target.files ?? [])); e.target.value = ''; }} />
      <input ref={pdfInput} type="file" accept="application/pdf" hidden data-testid="pdf-input"
        onChange={(e) => { onPdf(e.target.files?.[0] ?? null); e.target.value = ''; }} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Button size="large" type="primary" ghost icon={<CameraOutlined />} disabled={disabled || !!pdf} onClick={() => photoInput.current?.click()}>{R.addPhotos}</Button>
        <Button size="large" icon={<FilePdfOutlined />} disabled={disabled || pages.length > 0} onClick={() => pdfInput.current?.click()}>{R.addPdf}</Button>
      </Space>
      <Typography.Paragraph type="secondary">{R.maxPages(maxPages)}</Typography.Paragraph>
      {pdf && (
        <div className="qt-refl-page">
          <FilePdfOutlined style={{ fontSize: 40 }} />
          <span className="qt-refl-page-name">{R.pdfChosen}: {pdf.name}</span>
          <Button icon={<DeleteOutlined />} aria-label={R.removePdf} disabled={disabled} onClick={() => onPdf(null)} />
        </div>
      )}
      {pages.map((p, i) => (
        <div key={p.key} className="qt-refl-page" data-testid="picked-page">
          <Thumb file={p.file} />
          <span className="qt-refl-page-name">{R.page(i + 1)}<PageState state={states[p.key]} /></span>
          <Space>
            <Button icon={<ArrowUpOutlined />} aria-label={R.up} disabled={disabled || i === 0} onClick={() => move(i, -1)} />
            <Button icon={<ArrowDownOutlined />} aria-label={R.down} disabled={disabled || i === pages.length - 1} onClick={() => move(i, 1)} />
            <Button danger icon={<DeleteOutlined />} aria-label={R.remove} disabled={disabled} onClick={() => onPages(pages.filter((x) => x.key !== p.key))} />
          </Space>
        </div>
      ))}
    </div>
  );
}

function Thumb({ file }: { file: File }) {
  const url = useMemo(() => URL.createObjectURL(file), [file]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img src={url} alt="" className="qt-refl-thumb" />;
}

/** "Đã gửi" with a tick, or the page's own progress while it goes up. */
function PageState({ state }: { state?: PageProgress }) {
  if (!state || state.status === 'waiting') return null;
  if (state.status === 'done') return <span className="qt-refl-page-state" data-testid="page-sent"><CheckCircleFilled style={{ color: '#389e0d' }} /> Đã gửi</span>;
  return <Progress className="qt-refl-page-state" percent={state.percent} size="small" aria-label={`Đang gửi ${state.percent}%`} />;
}
