// HTTP API for admins, agency officers and operators.
import 'reflect-metadata';

import { configOrExit } from '@dondoc/config';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';

import { AppModule } from './app.module';
import { buildOpenApiDocument } from './openapi';

async function main(): Promise<void> {
  const config = configOrExit();
  const app = await NestFactory.create(AppModule.forConfig(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  await app.listen(config.API_PORT, '0.0.0.0');
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
