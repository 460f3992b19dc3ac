import { Navigate } from 'react-router';
import { isMemberOnly, useMe } from '../modules/auth/api';

/** "/": a member-only user goes to their study page, everyone else to the org tree; "/me": one's own record. */
export default function HomeRedirect({ self = false }: { self?: boolean }) {
  const me = useMe().data;
  if (!me) return null;
  if (me.memberId && self) return <Navigate to={`/members/${me.memberId}`} replace />;
  if (isMemberOnly(me)) return <Navigate to="/my-campaign" replace />;
  return <Navigate to="/orgs" replace />;
}
