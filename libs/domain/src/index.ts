// Domain types shared by every part of Đôn Đốc. No I/O here.
export * from './agency';
export * from './calendar-date';
export * from './deadline';
export * from './plan';
export * from './task-status';
export * from './task-statistics';
export * from './errors';
