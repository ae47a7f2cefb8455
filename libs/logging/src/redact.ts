// Tokens must not reach the logs: a link token travels in the path of
// /l/<token> and, in older links, in ?token=; sessions in the Authorization
// and Cookie headers. One rule for every process that logs a URL.

/** The URL with any link token masked: "/l/***", "?token=***". */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return url.replace(/^((?:https?:\/\/[^/]+)?\/l\/)[^/?#]*/u, '$1***').replace(/([?&]token=)[^&#]*/gu, '$1***');
}

/** A request as the log shows it: URL redacted, and no route params (a wildcard route's params repeat the path). */
export function redactRequest<T extends { url?: string; params?: unknown }>(req: T): Omit<T, 'params'> {
  const { params: _params, ...rest } = req;
  return { ...rest, url: redactUrl(req.url) };
}

/** A response as the log shows it: a redirect's Location redacted like any URL. */
export function redactResponse<T extends { headers?: Record<string, unknown> }>(res: T): T {
  const location = res.headers?.location;
  return typeof location === 'string' ? { ...res, headers: { ...res.headers, location: redactUrl(location) } } : res;
}

/** pino redaction paths for request and response lines that carry credentials. */
export const REDACTED_LOG_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.query.token', 'res.headers["set-cookie"]'];
