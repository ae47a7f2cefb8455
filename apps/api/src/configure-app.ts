import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';

import { AppConfigService } from './app-config.service';
import { deferBodyParseErrors } from './common/deferred-body-errors';
import { methodNotAllowed, routeTable } from './common/method-not-allowed';
import { securityHeaders } from './common/security-headers';
import { buildOpenApiDocument } from './openapi';
import { WEB_APP_DIR, webAssetHeaders } from './web-app/web-app.files';

/**
 * Request bodies: JSON, and raw YAML for plan uploads. A plan is tens of
 * kilobytes; anything over 512 kB is refused with 413 before it is parsed.
 * @defaultValue 512 kB for JSON and YAML alike
 */
export const BODY_LIMIT = '512kb';

export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  // request.ip is then the client's address as the trusted proxies report it (rate limits, audit log).
  app.set('trust proxy', app.get(AppConfigService).values.TRUST_PROXY);
  app.enableShutdownHooks();
  app.use(securityHeaders(app.get(AppConfigService).values.PUBLIC_BASE_URL));
  // The web app's built files; its pages (client routes) are answered by WebAppController.
  app.useStaticAssets(WEB_APP_DIR, { index: false, redirect: false, setHeaders: webAssetHeaders });
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('text', { limit: BODY_LIMIT, type: ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'] });
  app.use(deferBodyParseErrors);
  const document = buildOpenApiDocument(app);
  app.use(methodNotAllowed(routeTable(document.paths)));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
