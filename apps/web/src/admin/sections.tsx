// The sections of the Sở KH&CN dashboard (issue 14 §2), in menu order: path,
// label, icon and who may open them. Routes and the menu are built from this list.
import {
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  FileTextOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ReadOutlined,
  SendOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type StaffRole = 'admin' | 'viewer' | 'officer';

export interface DashboardSection {
  /** Path under the dashboard, without the leading slash ('' for the overview). */
  readonly path: string;
  readonly label: string;
  readonly icon: ReactNode;
  readonly roles: readonly StaffRole[];
}

const staff: readonly StaffRole[] = ['admin', 'viewer'];

export const DASHBOARD_SECTIONS: readonly DashboardSection[] = [
  { path: '', label: 'Tổng quan', icon: <DashboardOutlined />, roles: staff },
  { path: 'nhiem-vu', label: 'Nhiệm vụ', icon: <ProfileOutlined />, roles: ['admin', 'viewer', 'officer'] },
  { path: 'huong-dan', label: 'Hướng dẫn Trung ương', icon: <ReadOutlined />, roles: staff },
  { path: 'co-quan', label: 'Cơ quan', icon: <BankOutlined />, roles: staff },
  { path: 'bao-cao', label: 'Báo cáo hằng năm', icon: <FileTextOutlined />, roles: ['admin', 'viewer', 'officer'] },
  { path: 'ke-hoach', label: 'Kế hoạch', icon: <NotificationOutlined />, roles: staff },
  { path: 'nhat-ky-gui', label: 'Nhật ký gửi', icon: <SendOutlined />, roles: staff },
  { path: 'nhat-ky-thao-tac', label: 'Nhật ký thao tác', icon: <AuditOutlined />, roles: ['admin'] },
  { path: 'nguoi-dung', label: 'Người dùng', icon: <TeamOutlined />, roles: ['admin'] },
];

export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = { admin: 'Quản trị viên', viewer: 'Người xem', officer: 'Cán bộ cơ quan' };
