import { Tag, Typography } from 'antd';
import type { CopyCheck, CopyMatch } from '../api';
import { C, placeOf, scoreTag } from '../labels';
import { PassagePairs } from './PassagePairs';

function MatchBlock({ m }: { m: CopyMatch }) {
  const o = m.other;
  return (
    <section>
      <div className="qt-copy-match-head">
        <Tag color={scoreTag(m.score)} style={{ marginInlineEnd: 0 }}>{C.similar(m.score)}</Tag>
        <span className="qt-copy-match-name">{o.label}</span>
        {o.branchName && <span className="qt-copy-match-meta">{placeOf(o)}</span>}
      </div>
      {!o.visible ? <Typography.Text className="qt-copy-hidden">{C.hiddenNote}</Typography.Text>
        : m.passages.length === 0 ? <Typography.Text type="secondary">{C.noPassages}</Typography.Text>
          : <PassagePairs left={C.thisReflection} right={C.theirs(o.label)} rows={m.passages.map((p) => ({ left: p.mine, right: p.theirs }))} />}
    </section>
  );
}

/**
 * What a copy check found, in full: each other reflection with the passages side by side (or only that
 * a copy exists elsewhere), then the passages taken from the Resolution. `first` puts one match on top.
 */
export function CopyDetails({ check, first }: { check: CopyCheck; first?: (m: CopyMatch) => boolean }) {
  const matches = first ? [...check.matches].sort((a, b) => Number(first(b)) - Number(first(a))) : check.matches;
  return (
    <div className="qt-copy-details">
      {matches.map((m, i) => <MatchBlock key={m.other.reflectionId ?? `hidden-${i}`} m={m} />)}
      {check.resolution.length > 0 && (
        <section>
          <div className="qt-copy-section-title">{C.resolutionTitle}</div>
          <PassagePairs source left={C.thisReflection} right="" rows={check.resolution.map((r) => ({ left: r.mine, right: r.source, rightLabel: r.documentTitle }))} />
        </section>
      )}
    </div>
  );
}
