// Security headers on every response (helmet): a Content-Security-Policy that
// allows no inline or foreign script, no framing (frame-ancestors 'none'),
// X-Content-Type-Options nosniff, and Referrer-Policy no-referrer, so that
// nothing a page links to learns the address it came from.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export function securityHeaders(publicBaseUrl: string): RequestHandler {
  const https = new URL(publicBaseUrl).protocol === 'https:';
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // antd writes its component styles at run time (CSS-in-JS): styles may be inline, scripts never.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        // Only behind TLS: on plain http://localhost it would send the browser to https.
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: https,
  });
}
