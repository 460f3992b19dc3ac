import { Tag, Typography } from 'antd';
import type { ContentItem } from '../api';
import { L } from '../labels';

/** Contents in order; those inherited from an upper plan carry the "Kế thừa" tag. */
export function ContentList({ items }: { items: ContentItem[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">{L.noContents}</Typography.Text>;
  return (
    <ol className="qt-plan-contents">
      {items.map((c, i) => (
        <li key={i}>
          {c.fromPlanId && <Tag color="geekblue">{L.inherited}</Tag>}
          <span>{c.text}</span>
        </li>
      ))}
    </ol>
  );
}
