// The dashboard's frame: the section menu (a drawer-like collapsed sider on a
// phone), who is signed in, sign-out, and the section's page.
import { LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';

import { DASHBOARD_SECTIONS, ROLE_LABELS } from './sections';
import { useStaffSession } from './staff-session';

/** The section a path belongs to: "/nhiem-vu/task%2F…" is in "nhiem-vu". */
const sectionOf = (pathname: string) => pathname.split('/')[1] ?? '';

export function DashboardLayout() {
  const { session, signOut } = useStaffSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [collapsed, setCollapsed] = useState(false);
  // On a narrow screen the menu folds away behind a button; on a desktop it stays.
  const [narrow, setNarrow] = useState(false);
  const role = session?.user.role ?? 'viewer';
  const items = DASHBOARD_SECTIONS.filter((s) => s.roles.includes(role)).map((s) => ({ key: s.path, icon: s.icon, label: s.label }));

  return (
    <Layout className="dashboard">
      <Layout.Sider breakpoint="lg" collapsedWidth={0} collapsible={narrow} collapsed={narrow && collapsed} onCollapse={setCollapsed} onBreakpoint={setNarrow} width={232} className="dashboard-sider">
        <div className="dashboard-brand">Đôn Đốc</div>
        <nav aria-label="Các mục quản trị">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[sectionOf(location.pathname)]}
            items={items}
            onClick={({ key }) => {
              void navigate(`/${key}`);
              if (narrow) setCollapsed(true);
            }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="dashboard-header">
          <Typography.Text strong className="dashboard-title">
            Sở Khoa học và Công nghệ
          </Typography.Text>
          <Space size="middle">
            <Typography.Text className="dashboard-user">
              {session?.user.email} · {ROLE_LABELS[role]}
            </Typography.Text>
            <Button
              icon={<LogoutOutlined />}
              onClick={() => {
                signOut();
                queryClient.clear();
                void navigate('/dang-nhap');
              }}
            >
              Đăng xuất
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="dashboard-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
