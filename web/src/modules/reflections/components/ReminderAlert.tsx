import { Alert } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMyReminders } from '../stats-api';
import { S } from '../stats-labels';
import { formatDayTime } from '../../../shared/lib/format';

/**
 * Reminders about reflections sent from an upper level to the signed-in user's orgs (a branch committee,
 * a commune's officers), newest first. Renders nothing when there are none. Used on the follow-up page
 * and on the grading page.
 */
export function ReminderAlert({ campaignId, max = 3, style }: { campaignId?: string; max?: number; style?: React.CSSProperties }) {
  const reminders = useMyReminders(campaignId);
  const list = reminders.data ?? [];
  if (list.length === 0) return null;
  const shown = list.slice(0, max);
  return (
    <Alert
      type="warning" showIcon icon={<BellOutlined />} data-testid="reminder-alert" className="qt-reminder-alert"
      style={{ marginBottom: 16, ...style }}
      title={S.alertTitle}
      description={(
        <ul className="qt-reminder-list">
          {shown.map((r) => (
            <li key={r.id}>
              <strong>{S.alertLine(r.fromOrgName, r.orgName)}</strong>
              <span className="qt-reminder-time"> — {formatDayTime(r.sentAt)}</span>
              {!campaignId && <div className="qt-reminder-campaign">{r.campaignTitle}</div>}
              <div className="qt-reminder-message">{r.message}</div>
            </li>
          ))}
          {list.length > shown.length && <li className="qt-reminder-more">{S.more(list.length - shown.length)}</li>}
        </ul>
      )}
    />
  );
}
