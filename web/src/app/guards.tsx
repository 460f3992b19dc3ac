import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert, Button } from 'antd';
import { hasAnyRole, isMemberOnly, useMe, type Role } from '../modules/auth/api';
import { PageSpinner } from '../shared/ui/PageSpinner';
import { errorText } from '../shared/lib/http';
import { MSG } from '../shared/i18n/vi';

/** Sends a visitor without a session to the login page; a member-only user to their own page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageSpinner />;
  if (me.isError) {
    return (
      <Alert type="warning" showIcon style={{ margin: 24 }} title={errorText(me.error)}
        action={<Button onClick={() => me.refetch()}>{MSG.retry}</Button>} />
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // A member without an officer role has their own pages only: their study, their record, the materials they read.
  if (isMemberOnly(me.data)) {
    const own = [`/members/${me.data.memberId}`, `/members/${me.data.memberId}/file`, '/my-campaign', '/my-reflection', '/my-recommendations'];
    if (!own.includes(location.pathname) && !location.pathname.startsWith('/materials/')) return <Navigate to="/my-campaign" replace />;
  }
  return <>{children}</>;
}

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  if (!hasAnyRole(me.data, roles)) return <Navigate to="/" replace />;
  return <>{children}</>;
}
