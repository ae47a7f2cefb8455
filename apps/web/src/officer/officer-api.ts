// The officer's pages talk to /link-session/…, authenticated by the session
// cookie the link was exchanged for; types come from the API's OpenAPI document.
import { useQuery } from '@tanstack/react-query';

import type { paths } from '../api/schema';
import { api, unwrap } from '../common/api-client';

type Json<P extends keyof paths, M extends 'get' | 'post' | 'put'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type TaskLinkView = Json<'/link-session/task', 'get'>;
export type ReportLinkView = Json<'/link-session/report', 'get'>;
export type Contact = NonNullable<Json<'/link-session/contact', 'get'>>;
export type DigestLinkView = Json<'/link-session/digest', 'get'>;
export type DigestItem = Json<'/link-session/digest/item', 'get'>;
export type TaskEvidence = TaskLinkView['evidence'][number];
export type ReportEvidence = ReportLinkView['evidence'][number];
export type ReportAnswers = NonNullable<ReportLinkView['answers']>;
/**
 * A submission as the API documents it. The form sends what the officer
 * filled in (blanks as null), and the API's 400 names each field still wrong.
 */
export type SubmittedReport = NonNullable<paths['/link-session/report/submit']['post']['requestBody']>['content']['application/json']['report'];

export const TASK_VIEW_KEY = ['link-session', 'task'] as const;
export const REPORT_VIEW_KEY = ['link-session', 'report'] as const;
export const DIGEST_VIEW_KEY = ['link-session', 'digest'] as const;

export const useTaskLinkView = () => useQuery({ queryKey: TASK_VIEW_KEY, queryFn: async () => unwrap(await api.GET('/link-session/task')) });
export const useReportLinkView = () => useQuery({ queryKey: REPORT_VIEW_KEY, queryFn: async () => unwrap(await api.GET('/link-session/report')) });
export const useOversightContact = (enabled: boolean) =>
  useQuery({ queryKey: ['link-session', 'contact'], queryFn: async () => unwrap(await api.GET('/link-session/contact')), enabled, staleTime: Infinity });
export const useDigestLinkView = () => useQuery({ queryKey: DIGEST_VIEW_KEY, queryFn: async () => unwrap(await api.GET('/link-session/digest')) });
export const useDigestItem = (workflowId: string) =>
  useQuery({ queryKey: [...DIGEST_VIEW_KEY, workflowId], queryFn: async () => unwrap(await api.GET('/link-session/digest/item', { params: { query: { workflowId } } })) });
