import { Tag } from 'antd';
import { conferenceStatus } from '../labels';

/** The conference's state as a tag: upcoming, under way, over but not closed, held or cancelled. */
export function ConferenceStatusTag({ c }: { c: { status: string; startsAt: string; endsAt?: string | null } }) {
  const s = conferenceStatus(c);
  return <Tag color={s.color} data-testid="conference-status">{s.label}</Tag>;
}
