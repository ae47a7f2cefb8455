// Which page a link opens, and what each purpose allows there.
import type { LinkPurpose } from '@dondoc/links';

export type LinkPage = 'task' | 'report' | 'digest';
export type TaskLinkAction = 'acknowledge' | 'progress' | 'completion';

/** Where the browser goes once the link is exchanged for a session (pages of apps/web/src/officer). */
export const LINK_PAGE_PATHS: Readonly<Record<LinkPage, string>> = {
  task: '/lien-ket/nhiem-vu',
  report: '/lien-ket/bao-cao',
  digest: '/lien-ket/danh-sach',
};

/** The page of each purpose that opens one; calendar feeds are fetched by calendar apps, not opened. */
export const PAGE_OF_PURPOSE: Readonly<Partial<Record<LinkPurpose, LinkPage>>> = {
  acknowledge: 'task',
  'report-progress': 'task',
  'view-task': 'task',
  'submit-report': 'report',
  'view-report': 'report',
  'view-digest': 'digest',
};

/** What a task link lets its holder do: the lead's acting link everything, an acknowledge link only that, a copy nothing. */
export const TASK_ACTIONS_OF_PURPOSE: Readonly<Partial<Record<LinkPurpose, readonly TaskLinkAction[]>>> = {
  acknowledge: ['acknowledge'],
  'report-progress': ['acknowledge', 'progress', 'completion'],
  'view-task': [],
};

/**
 * Read-only links (copies to recipients who are not the lead agency, a digest's
 * list) name the recipient's own agency, not the task's, and are never used up.
 */
export const isReadOnlyPurpose = (purpose: LinkPurpose) => purpose === 'view-task' || purpose === 'view-report' || purpose === 'view-digest';
