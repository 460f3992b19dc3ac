import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth, RequireRole } from './guards';
import { PageSpinner } from '../shared/ui/PageSpinner';
import { MEMBER_MANAGER_ROLES } from '../modules/auth/api';
import { EVALUATION_ROLES } from '../modules/evaluations/roles';

// One chunk per route, so the first screen loads only what it shows.
const LoginPage = lazy(() => import('../modules/auth/pages/LoginPage'));
const AppLayout = lazy(() => import('./AppLayout'));
const HomeRedirect = lazy(() => import('./HomeRedirect'));
const OrgTreePage = lazy(() => import('../modules/org/pages/OrgTreePage'));
const MemberListPage = lazy(() => import('../modules/members/pages/MemberListPage'));
const MemberPage = lazy(() => import('../modules/members/pages/MemberPage'));
const ImportPage = lazy(() => import('../modules/imports/pages/ImportPage'));
const CampaignListPage = lazy(() => import('../modules/campaigns/pages/CampaignListPage'));
const CampaignPage = lazy(() => import('../modules/campaigns/pages/CampaignPage'));
const PlanPage = lazy(() => import('../modules/campaigns/pages/PlanPage'));
const MaterialsPage = lazy(() => import('../modules/materials/pages/MaterialsPage'));
const MaterialPage = lazy(() => import('../modules/materials/pages/MaterialPage'));
const ConferencesPage = lazy(() => import('../modules/conferences/pages/ConferencesPage'));
const ConferencePage = lazy(() => import('../modules/conferences/pages/ConferencePage'));
const MyBridgePointsPage = lazy(() => import('../modules/conferences/pages/MyBridgePointsPage'));
const AttendancePage = lazy(() => import('../modules/attendance/pages/AttendancePage'));
const CheckInPage = lazy(() => import('../modules/attendance/pages/CheckInPage'));
const MakeupsPage = lazy(() => import('../modules/attendance/pages/MakeupsPage'));
const CoveragePage = lazy(() => import('../modules/attendance/pages/CoveragePage'));
const MyCampaignPage = lazy(() => import('../modules/attendance/pages/MyCampaignPage'));
const MyReflectionPage = lazy(() => import('../modules/reflections/pages/MyReflectionPage'));
const BatchPage = lazy(() => import('../modules/reflections/pages/BatchPage'));
const GradingQueuePage = lazy(() => import('../modules/reflections/pages/GradingQueuePage'));
const GradeReflectionPage = lazy(() => import('../modules/reflections/pages/GradeReflectionPage'));
const EvaluationsPage = lazy(() => import('../modules/evaluations/pages/EvaluationsPage'));
const ReflectionStatsPage = lazy(() => import('../modules/reflections/pages/ReflectionStatsPage'));
const ReflectionSettingsPage = lazy(() => import('../modules/reflections/pages/ReflectionSettingsPage'));
const MemberFilePage = lazy(() => import('../modules/member-file/pages/MemberFilePage'));
const PossibleCopiesPage = lazy(() => import('../modules/copies/pages/PossibleCopiesPage'));
const RecommendationsPage = lazy(() => import('../modules/recommendations/pages/RecommendationsPage'));
const RecommendationAnswersPage = lazy(() => import('../modules/recommendations/pages/RecommendationAnswersPage'));
const MyRecommendationsPage = lazy(() => import('../modules/recommendations/pages/MyRecommendationsPage'));
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
      { path: 'members/:id/file', element: page(<MemberFilePage />) },
      { path: 'imports', element: <RequireRole roles={MEMBER_MANAGER_ROLES}>{page(<ImportPage />)}</RequireRole> },
      { path: 'me', element: page(<HomeRedirect self />) },
      { path: 'campaigns', element: page(<CampaignListPage />) },
      { path: 'campaigns/:id', element: page(<CampaignPage />) },
      { path: 'campaigns/:id/materials', element: page(<MaterialsPage />) },
      { path: 'campaigns/:id/conferences', element: page(<ConferencesPage />) },
      { path: 'campaigns/:id/makeups', element: page(<MakeupsPage />) },
      { path: 'campaigns/:id/coverage', element: page(<CoveragePage />) },
      { path: 'campaigns/:id/reflection-stats', element: page(<ReflectionStatsPage />) },
      { path: 'campaigns/:id/reflection-settings', element: page(<ReflectionSettingsPage />) },
      { path: 'campaigns/:id/batches', element: page(<BatchPage />) },
      { path: 'campaigns/:id/reflections', element: page(<GradingQueuePage />) },
      { path: 'campaigns/:id/copies', element: page(<PossibleCopiesPage />) },
      { path: 'campaigns/:id/recommendations', element: page(<RecommendationsPage />) },
      { path: 'campaigns/:id/recommendation-answers', element: page(<RecommendationAnswersPage />) },
      { path: 'reflections/:id/grade', element: page(<GradeReflectionPage />) },
      { path: 'plans/:id', element: page(<PlanPage />) },
      { path: 'materials/:id', element: page(<MaterialPage />) },
      { path: 'conferences/:id', element: page(<ConferencePage />) },
      { path: 'conferences/:id/attendance', element: page(<AttendancePage />) },
      { path: 'conferences/:id/check-in', element: page(<CheckInPage />) },
      { path: 'bridge-points', element: page(<MyBridgePointsPage />) },
      { path: 'my-campaign', element: page(<MyCampaignPage />) },
      { path: 'my-reflection', element: page(<MyReflectionPage />) },
      { path: 'my-recommendations', element: page(<MyRecommendationsPage />) },
      { path: 'evaluations', element: <RequireRole roles={EVALUATION_ROLES}>{page(<EvaluationsPage />)}</RequireRole> },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
