import { Alert } from 'antd';
import { ApiError, errorText } from '../lib/http';

/** A server error as the user should read it: the Vietnamese title, then each field message. */
export function ProblemAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  if (!error) return null;
  // A single field error often is the title itself: say it once.
  const errors = (error instanceof ApiError ? error.problem.errors ?? [] : []).filter((e) => e.message !== errorText(error));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16, ...style }}
      title={errorText(error)}
      description={errors.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{errors.map((e, i) => <li key={i}>{e.message}</li>)}</ul> : undefined}
    />
  );
}
