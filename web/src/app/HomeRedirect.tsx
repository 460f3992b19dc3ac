import { Navigate } from 'react-router';
import { isMemberOnly, useMe } from '../modules/auth/api';

/** "/" and "/me": a member-only user goes to their own page, everyone else to the org tree. */
export default function HomeRedirect({ self = false }: { self?: boolean }) {
  const me = useMe().data;
  if (!me) return null;
  if (me.memberId && (self || isMemberOnly(me))) return <Navigate to={`/members/${me.memberId}`} replace />;
  return <Navigate to="/orgs" replace />;
}
