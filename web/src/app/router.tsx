import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth, RequireRole } from './guards';
import { PageSpinner } from '../shared/ui/PageSpinner';
import { MEMBER_MANAGER_ROLES } from '../modules/auth/api';

// One chunk per route, so the first screen loads only what it shows.
const LoginPage = lazy(() => import('../modules/auth/pages/LoginPage'));
const AppLayout = lazy(() => import('./AppLayout'));
const HomeRedirect = lazy(() => import('./HomeRedirect'));
const OrgTreePage = lazy(() => import('../modules/org/pages/OrgTreePage'));
const MemberListPage = lazy(() => import('../modules/members/pages/MemberListPage'));
const MemberPage = lazy(() => import('../modules/members/pages/MemberPage'));
const ImportPage = lazy(() => import('../modules/imports/pages/ImportPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

const page = (node: ReactNode) => <Suspense fallback={<PageSpinner />}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />) },
  {
    path: '/',
    element: <RequireAuth>{page(<AppLayout />)}</RequireAuth>,
    children: [
      { index: true, element: page(<HomeRedirect />) },
      { path: 'orgs', element: page(<OrgTreePage />) },
      { path: 'members', element: page(<MemberListPage />) },
      { path: 'members/:id', element: page(<MemberPage />) },
      { path: 'imports', element: <RequireRole roles={MEMBER_MANAGER_ROLES}>{page(<ImportPage />)}</RequireRole> },
      { path: 'me', element: page(<HomeRedirect self />) },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
