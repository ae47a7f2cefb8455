import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { useStaffSession } from './staff-session';

/** Staff pages need a session: without one, sign in first and come back here. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { session } = useStaffSession();
  const location = useLocation();
  if (!session) return <Navigate to={`/dang-nhap?tiep=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return children;
}
