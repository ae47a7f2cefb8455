// Writes the API's OpenAPI document without serving it: the web client's types
// (apps/web/src/api/schema.d.ts) are generated from it (scripts/web-api-schema.mjs).
// The Nest app is assembled but never initialised, so nothing connects to
// Temporal, Redis or PostgreSQL; the configuration only has to be valid.
import 'reflect-metadata';

import { loadConfig } from '@dondoc/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { AppModule } from './app.module';
import { buildOpenApiDocument } from './openapi';

async function main(): Promise<void> {
  const [output] = process.argv.slice(2);
  if (!output) throw new Error('usage: write-openapi <output.json>');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DONDOC_SEEDS_DIR: path.resolve(__dirname, '..', '..', '..', '..', 'seeds'),
    // Placeholders: the document does not depend on them and nothing is connected.
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi',
    JWT_SECRET: 'openapi-document-only-not-a-secret-000000',
    LINK_SIGNING_SECRET: 'openapi-document-only-not-a-secret-000000',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), { logger: false, bodyParser: false, abortOnError: false });
  writeFileSync(output, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`write-openapi failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
