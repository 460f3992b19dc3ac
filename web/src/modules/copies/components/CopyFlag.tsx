import { useState } from 'react';
import { Alert, Button } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useCopyCheck } from '../api';
import { C } from '../labels';
import { CopyDetails } from './CopyDetails';
import '../copies.css';

/**
 * The copy check of one reflection, for the grading screen: a compact alert ("Có đoạn trùng với 2 bài
 * khác (78%)", "38% nội dung lấy từ Nghị quyết") that opens onto the passages side by side, full width
 * below it. Shows nothing while loading, for a reflection without typed text, or when the viewer may
 * not see it.
 */
export function CopyFlag({ reflectionId }: { reflectionId: string }) {
  const check = useCopyCheck(reflectionId);
  const [open, setOpen] = useState(false);
  const d = check.data;
  if (!d || !d.typed) return null;
  const top = Math.max(0, ...d.matches.map((m) => m.score));
  const share = d.sourceShare ?? 0;
  const hasDetails = d.matches.length > 0 || d.resolution.length > 0;
  const type = d.matches.length ? 'warning' : share >= 0.5 ? 'info' : 'success';
  return (
    <div className={`qt-copy-flag${open ? ' qt-copy-flag-open' : ''}`} data-testid="copy-flag">
      <Alert
        type={type}
        showIcon
        title={d.matches.length ? C.flagTitle(d.matches.length, top) : C.noMatch}
        description={(
          <div className="qt-copy-flag-lines">
            <span>{C.fromResolution(share)}</span>
            {d.stale ? <span>{C.stale}</span> : d.pending ? <span>{C.pending}</span> : null}
            {hasDetails && (
              <Button type="link" className="qt-copy-flag-toggle" icon={open ? <UpOutlined /> : <DownOutlined />} iconPlacement="end"
                onClick={() => setOpen(!open)} aria-expanded={open} data-testid="copy-flag-toggle">
                {open ? C.hidePassages : C.showPassages}
              </Button>
            )}
          </div>
        )}
      />
      {open && <div className="qt-copy-flag-panel"><CopyDetails check={d} /></div>}
    </div>
  );
}
