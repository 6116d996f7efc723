// The frame people know from Chinese back-office apps: a left menu by role, breadcrumbs,
// a header with notifications, the language and the signed-in user.
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CustomerServiceOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  InboxOutlined,
  MessageOutlined,
  MoneyCollectOutlined,
  PieChartOutlined,
  SettingOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Breadcrumb, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { navigate } from './router';
import { useSession } from './session';
import type { WordKey } from './i18n';
import { NotificationBell } from './components/NotificationBell';
import { LanguageSwitch } from './components/LanguageSwitch';
import { analyticsReaders } from '@domain/roles';

interface MenuEntry {
  key: string;
  label: WordKey;
  icon: ReactNode;
  roles: string[] | 'all';
}

// Who sees which page; the API refuses the rest, the menu just does not offer it.
export const menuEntries: MenuEntry[] = [
  { key: 'inbox', label: 'inbox', icon: <InboxOutlined />, roles: 'all' },
  { key: 'approvals', label: 'batchApprove', icon: <CheckSquareOutlined />, roles: ['CITY_APPROVER'] },
  {
    key: 'cycles',
    label: 'cycles',
    icon: <CalendarOutlined />,
    roles: ['HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD', 'INSPECTOR', 'MARKETING_REVIEWER'],
  },
  { key: 'analytics', label: 'analytics', icon: <BarChartOutlined />, roles: [...analyticsReaders] },
  {
    key: 'quotas',
    label: 'quotas',
    icon: <PieChartOutlined />,
    roles: ['HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD'],
  },
  { key: 'cases', label: 'cases', icon: <WarningOutlined />, roles: ['HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD'] },
  {
    key: 'pay',
    label: 'payroll',
    icon: <MoneyCollectOutlined />,
    roles: ['HR', 'ADMIN', 'CITY_APPROVER', 'COUNTY_HEAD', 'MANAGER'],
  },
  {
    key: 'feedback',
    label: 'feedback',
    icon: <MessageOutlined />,
    roles: ['HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD'],
  },
  {
    key: 'weekly-sheets',
    label: 'weeklySheets',
    icon: <FileTextOutlined />,
    roles: ['MANAGER', 'COUNTY_HEAD', 'INSPECTOR', 'HR', 'CITY_APPROVER', 'ADMIN'],
  },
  {
    key: 'visit-log',
    label: 'visitLog',
    icon: <EnvironmentOutlined />,
    roles: ['MANAGER', 'INSPECTOR', 'COUNTY_HEAD', 'HR', 'CITY_APPROVER', 'ADMIN'],
  },
  {
    key: 'complaints',
    label: 'complaints',
    icon: <CustomerServiceOutlined />,
    roles: ['HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD', 'INSPECTOR', 'MANAGER'],
  },
  { key: 'incidents', label: 'incidents', icon: <AlertOutlined />, roles: ['HR', 'ADMIN'] },
  { key: 'admin', label: 'admin', icon: <SettingOutlined />, roles: ['ADMIN', 'HR'] },
  { key: 'account', label: 'account', icon: <UserOutlined />, roles: 'all' },
];

export function AppLayout({ route, crumbs, children }: { route: string[]; crumbs: string[]; children: ReactNode }) {
  const { me, t, has, signOut } = useSession();
  const [collapsed, setCollapsed] = useState(false);
  const items = menuEntries
    .filter((e) => e.roles === 'all' || has(...e.roles))
    .map((e) => ({ key: e.key, icon: e.icon, label: <a href={`#/${e.key}`}>{t(e.label)}</a> }));
  const selected = route[0] === 'tasks' ? 'inbox' : route[0] === 'evaluations' ? 'cycles' : (route[0] ?? 'inbox');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={208}
        theme="dark"
        trigger={null}
        className="app-sider"
      >
        <a className="brand" href="#/inbox">
          <AuditOutlined /> {t('appName')}
        </a>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={items}
          onClick={() => window.innerWidth < 992 && setCollapsed(true)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Button
            type="text"
            className="menu-toggle"
            aria-label="menu"
            onClick={() => setCollapsed(!collapsed)}
            icon={<span aria-hidden>☰</span>}
          />
          <Breadcrumb
            className="crumbs"
            items={[{ title: <a href="#/inbox">{t('home')}</a> }, ...crumbs.map((c) => ({ title: c }))]}
          />
          <Space size="middle" className="header-tools">
            <NotificationBell />
            <LanguageSwitch />
            {me && (
              <Dropdown
                menu={{
                  items: [
                    { key: 'account', label: t('account'), onClick: () => navigate('#/account') },
                    { key: 'logout', label: t('logout'), onClick: () => void signOut() },
                  ],
                }}
              >
                <Typography.Link id="account-link">
                  <UserOutlined /> {me.displayName}
                </Typography.Link>
              </Dropdown>
            )}
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content" id="main">
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
