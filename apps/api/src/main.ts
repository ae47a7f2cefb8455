// HTTP API for admins, agency officers and operators.
import 'reflect-metadata';

import { configOrExit } from '@dondoc/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function main(): Promise<void> {
  const config = configOrExit();
  // Body parsers are set up by configureApp, with our limits and YAML support.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), { bufferLogs: true, bodyParser: false, rawBody: true });
  configureApp(app);
  await app.listen(config.API_PORT, '0.0.0.0');
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
