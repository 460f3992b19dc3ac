import { useState } from 'react';
import { App as AntApp, Button, Drawer, Dropdown, Grid, Layout, Menu, Tooltip, Typography } from 'antd';
import { ApartmentOutlined, BookOutlined, CarryOutOutlined, DownOutlined, IdcardOutlined, LogoutOutlined, MenuOutlined, TeamOutlined, TrophyOutlined, UploadOutlined, WifiOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { hasAnyRole, isMemberOnly, MEMBER_MANAGER_ROLES, useLogout, useMe, type Me } from '../modules/auth/api';
import { AppMark } from '../shared/ui/AppMark';
import { EVALUATION_ROLES } from '../modules/evaluations/roles';
import { NAV_LABEL as EVALUATIONS_NAV } from '../modules/evaluations/labels';
import { APP_NAME, NAV } from '../shared/i18n/vi';

/** An officer's own pages (their study, their record): in the drawer on a phone, under their name on a computer. */
function personalItems(me: Me) {
  if (!me.memberId) return [];
  return [
    { key: '/my-campaign', icon: <CarryOutOutlined />, label: <Link to="/my-campaign">{NAV.myCampaign}</Link> },
    { key: `/members/${me.memberId}`, icon: <IdcardOutlined />, label: <Link to={`/members/${me.memberId}`}>{NAV.me}</Link> },
  ];
}

function navItems(me: Me) {
  if (isMemberOnly(me)) return [];
  const items = [
    { key: '/orgs', icon: <ApartmentOutlined />, label: <Link to="/orgs">{NAV.orgs}</Link> },
    { key: '/members', icon: <TeamOutlined />, label: <Link to="/members">{NAV.members}</Link> },
    { key: '/campaigns', icon: <BookOutlined />, label: <Link to="/campaigns">{NAV.campaigns}</Link> },
  ];
  if (hasAnyRole(me, ['committee_secretary'])) items.push({ key: '/bridge-points', icon: <WifiOutlined />, label: <Link to="/bridge-points">{NAV.bridgePoints}</Link> });
  if (hasAnyRole(me, EVALUATION_ROLES)) items.push({ key: '/evaluations', icon: <TrophyOutlined />, label: <Link to="/evaluations">{EVALUATIONS_NAV}</Link> });
  if (hasAnyRole(me, MEMBER_MANAGER_ROLES)) items.push({ key: '/imports', icon: <UploadOutlined />, label: <Link to="/imports">{NAV.imports}</Link> });
  return items;
}

function selectedKey(pathname: string, me: Me): string {
  if (me.memberId && pathname === `/members/${me.memberId}`) return pathname;
  return ['/orgs', '/members', '/imports', '/campaigns', '/bridge-points', '/my-campaign', '/evaluations'].find((k) => pathname.startsWith(k)) ?? '';
}

/** "Cán bộ Ban Tuyên giáo — Đảng bộ tỉnh Minh Sơn", one line per grant. */
function RoleLines({ me, max }: { me: Me; max?: number }) {
  const lines = me.grants.map((g) => `${g.roleLabel} — ${g.orgName}`);
  const shown = max ? lines.slice(0, max) : lines;
  const more = lines.length - shown.length;
  return (
    <Tooltip title={more > 0 ? lines.join('; ') : undefined}>
      <span className="qt-user-roles">{shown.join('; ')}{more > 0 ? ` (+${more})` : ''}</span>
    </Tooltip>
  );
}

export default function AppLayout() {
  const me = useMe().data!;
  const logout = useLogout();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = navItems(me);
  const personal = items.length > 0 ? personalItems(me) : [];
  const doLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  const logoutButton = (
    <Button icon={<LogoutOutlined />} onClick={doLogout} loading={logout.isPending} className="qt-logout">{NAV.logout}</Button>
  );

  // AntApp (message, modal hooks) lives here, not at the root, to keep it out of the login screen's bundle.
  return (
    <AntApp>
      <Layout className="qt-shell">
        <Layout.Header className="qt-header">
          {isPhone && items.length > 0 && (
            <Button type="text" aria-label={NAV.menu} icon={<MenuOutlined />} className="qt-header-burger" onClick={() => setDrawerOpen(true)} />
          )}
          <Link to="/" className="qt-brand"><AppMark size={30} /><span>{APP_NAME}</span></Link>
          {!isPhone && items.length > 0 && (
            <Menu mode="horizontal" theme="dark" selectedKeys={[selectedKey(pathname, me)]} items={items} className="qt-nav" />
          )}
          {(isPhone || items.length === 0) && <div className="qt-header-spacer" />}
          {!isPhone && (
            <Dropdown disabled={personal.length === 0} menu={{ items: personal, selectedKeys: [selectedKey(pathname, me)] }} placement="bottomRight">
              <div className={`qt-user${personal.length ? ' qt-user-menu' : ''}`} tabIndex={personal.length ? 0 : -1}>
                <Typography.Text strong className="qt-user-name">{me.displayName}{personal.length > 0 && <DownOutlined className="qt-user-caret" />}</Typography.Text>
                <RoleLines me={me} max={2} />
              </div>
            </Dropdown>
          )}
          {(!isPhone || items.length === 0) && logoutButton}
        </Layout.Header>
        <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={300} title={APP_NAME}>
          <div className="qt-drawer-user">
            <Typography.Text strong>{me.displayName}</Typography.Text>
            <RoleLines me={me} />
          </div>
          <Menu mode="vertical" selectedKeys={[selectedKey(pathname, me)]} items={[...items, ...personal]} onClick={() => setDrawerOpen(false)} style={{ borderInlineEnd: 0 }} />
          <div style={{ marginTop: 16 }}>{logoutButton}</div>
        </Drawer>
        <Layout.Content className="qt-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </AntApp>
  );
}
