// Tokens must not reach the logs: a link token travels in the path of
// /l/<token> and, in older links, in ?token=; sessions in the Authorization
// and Cookie headers. One rule for every process that logs a URL.

/** The URL with any link token masked: "/l/***", "?token=***". */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return url.replace(/^\/l\/[^/?#]*/u, '/l/***').replace(/([?&]token=)[^&#]*/gu, '$1***');
}

/** pino redaction paths for request and response lines that carry credentials. */
export const REDACTED_LOG_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.query.token', 'req.params.token', 'res.headers["set-cookie"]'];
