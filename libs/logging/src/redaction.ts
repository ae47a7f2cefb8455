// One rule for every log line of every process: what carries a credential is
// masked before it is written. Link tokens travel in query strings (?token=) and
// in link paths (/l/<token>); sessions in Authorization and cookies.

const MASK = '***';
/** Query parameters whose value is a credential. */
const SECRET_PARAMS = /([?&](?:token|access_token|refresh_token|code|key)=)[^&#]*/gi;
/** Path segments that are a credential: the link page /l/<token> and the password reset /reset-password/<token>. */
const SECRET_SEGMENTS = /(\/(?:l|dat-lai-mat-khau|reset-password)\/)[^/?#]+/g;

/** The URL with every credential in it masked. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(SECRET_PARAMS, `$1${MASK}`).replace(SECRET_SEGMENTS, `$1${MASK}`);
}

/** A request as a log line shows it: URL masked, and no route params (a wildcard route's params repeat the path, /l/<token> included). */
export function redactRequest<T extends { url?: string; params?: unknown }>(req: T): Omit<T, 'params'> {
  const { params: _params, ...rest } = req;
  return { ...rest, url: redactUrl(req.url) };
}

/** A response as a log line shows it: a redirect's Location masked like any URL (the old /links/… redirect to /l/<token>). */
export function redactResponse<T extends { headers?: Record<string, unknown> }>(res: T): T {
  const location = res.headers?.location;
  return typeof location === 'string' ? { ...res, headers: { ...res.headers, location: redactUrl(location) } } : res;
}

/** pino `redact` paths: headers and fields that carry credentials, wherever a logger puts the request. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-zevent-signature"]',
  'req.query.token',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.token',
  '*.password',
  '*.secret',
  '*.access_token',
  '*.refresh_token',
];

export const REDACTION = { paths: REDACTED_PATHS, censor: MASK } as const;
