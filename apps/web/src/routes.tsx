// Every page of the application. Officer pages (no password, from the links in
// reminders) live under /lien-ket; the dashboard needs a staff session.
import { createBrowserRouter } from 'react-router';

import { DashboardLayout } from './admin/DashboardLayout';
import { LoginPage } from './admin/LoginPage';
import { PasswordResetPage } from './admin/PasswordResetPage';
import { RequireStaff } from './admin/RequireStaff';
import { DASHBOARD_SECTIONS } from './admin/sections';
import { SectionPending } from './admin/SectionPending';
import { TaskDetailPage } from './admin/tasks/TaskDetailPage';
import { TaskListPage } from './admin/tasks/TaskListPage';
import { NotFoundPage } from './common/NotFoundPage';
import { DigestItemPage } from './officer/DigestItemPage';
import { DigestPage } from './officer/DigestPage';
import { ReportFormPage } from './officer/ReportFormPage';
import { TaskPage } from './officer/TaskPage';

/** Pages built so far, by section path; the rest say they are not there yet. */
const sectionPages: Partial<Record<string, React.ReactNode>> = { 'nhiem-vu': <TaskListPage /> };

export const router = createBrowserRouter([
  { path: '/lien-ket/nhiem-vu', element: <TaskPage /> },
  { path: '/lien-ket/bao-cao', element: <ReportFormPage /> },
  { path: '/lien-ket/danh-sach', element: <DigestPage /> },
  { path: '/lien-ket/danh-sach/xem', element: <DigestItemPage /> },
  { path: '/dang-nhap', element: <LoginPage /> },
  { path: '/dat-lai-mat-khau', element: <PasswordResetPage /> },
  {
    path: '/',
    element: (
      <RequireStaff>
        <DashboardLayout />
      </RequireStaff>
    ),
    children: [
      ...DASHBOARD_SECTIONS.map((section) =>
        section.path === ''
          ? { index: true, element: sectionPages[''] ?? <SectionPending label={section.label} /> }
          : { path: section.path, element: sectionPages[section.path] ?? <SectionPending label={section.label} /> },
      ),
      { path: 'nhiem-vu/:workflowId', element: <TaskDetailPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
