import type { Excerpt } from '../api';

/** One passage with its context: the matching words highlighted. */
export function ExcerptText({ e }: { e: Excerpt }) {
  return (
    <>
      {e.before && <span className="qt-copy-ctx">{e.before} </span>}
      <mark>{e.match}</mark>
      {e.after && <span className="qt-copy-ctx"> {e.after}</span>}
    </>
  );
}

/** Passages side by side (one above the other on a phone), each side labelled (a row may name its own right side). */
export function PassagePairs({ left, right, rows, source }: {
  left: string; right: string; rows: Array<{ left: Excerpt; right: Excerpt; rightLabel?: string }>; source?: boolean;
}) {
  return (
    <div className={`qt-copy-pairs${source ? ' qt-copy-source' : ''}`}>
      {rows.map((r, i) => (
        <div className="qt-copy-row" key={i}>
          <div className="qt-copy-cell"><span className="qt-copy-cell-label">{left}</span><ExcerptText e={r.left} /></div>
          <div className="qt-copy-cell"><span className="qt-copy-cell-label">{r.rightLabel ?? right}</span><ExcerptText e={r.right} /></div>
        </div>
      ))}
    </div>
  );
}
