// Vietnamese throughout: antd's vi_VN locale (date pickers, tables, forms),
// dayjs in Vietnamese, one query cache, the staff session.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';

import { StaffSessionProvider } from './admin/staff-session';
import { ApiError } from './common/api-client';
import './common/dates';
import { theme } from './common/theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal (4xx) will not change by asking again; a lost connection may.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <App>
        <QueryClientProvider client={queryClient}>
          <StaffSessionProvider>{children}</StaffSessionProvider>
        </QueryClientProvider>
      </App>
    </ConfigProvider>
  );
}
