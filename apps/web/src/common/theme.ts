import type { ThemeConfig } from 'antd';

/** Colours of Vietnamese oversight dashboards: blue in progress, green done on time, orange done late, red overdue, grey not started. */
export const STATUS_COLOURS = { onTime: '#389e0d', inProgress: '#1f5fa8', late: '#d46b08', overdue: '#cf1322', notStarted: '#8c8c8c' } as const;

export const theme: ThemeConfig = {
  token: { colorPrimary: STATUS_COLOURS.inProgress, borderRadius: 6, fontSize: 15 },
};
