// One typed client for the whole API, generated from its OpenAPI document
// (src/api/schema.d.ts): paths, parameters and bodies are checked at compile time.
import createClient, { type Middleware } from 'openapi-fetch';

import type { paths } from '../api/schema';

/** A field the API refused, as its 400 lists it: "tasks.0.percent" and why. */
export interface FieldIssue {
  readonly field: string;
  readonly reason: string;
}

/** The API's error body (one shape for every failure), raised as an exception. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    readonly errorId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  message?: unknown;
  errorId?: unknown;
  details?: { issues?: unknown };
}

/** Turns a failed response's body (JSON or not) into an ApiError with a Vietnamese message. */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const error = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const issues = Array.isArray(error.details?.issues)
    ? (error.details.issues as unknown[]).filter((i): i is FieldIssue => typeof (i as FieldIssue)?.field === 'string' && typeof (i as FieldIssue)?.reason === 'string')
    : [];
  const message = typeof error.message === 'string' ? error.message : status === 0 ? 'Không kết nối được máy chủ; vui lòng kiểm tra mạng và thử lại.' : `Lỗi ${status}.`;
  return new ApiError(status, message, issues, typeof error.errorId === 'string' ? error.errorId : null);
}

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

/** Adds a middleware (the staff session adds its bearer token); returns a function that removes it. */
export function addApiMiddleware(middleware: Middleware): () => void {
  api.use(middleware);
  return () => api.eject(middleware);
}

/** The data of an openapi-fetch result, or its error as an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.error === undefined) return result.data as T;
  throw apiErrorOf(result.response.status, result.error);
}
