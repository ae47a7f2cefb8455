// The OpenAPI document describes what the server does: it passes an independent
// validator (Python openapi-spec-validator), and the server's edges answer as it says.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { testPython } from '@dondoc/test-harness';

import { type ApiStack, call, startApiStack } from './support/api-stack';

describe('OpenAPI document (API e2e)', () => {
  let stack: ApiStack;
  let admin: string;

  beforeAll(async () => {
    stack = await startApiStack('openapi');
    admin = await stack.login(await stack.addUser('admin@openapi.example', 'admin'));
  });
  afterAll(() => stack?.stop());

  it('passes openapi-spec-validator', async () => {
    const document = await (await fetch(`${stack.url}/docs/openapi.json`)).text();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dondoc-openapi-')), 'openapi.json');
    writeFileSync(file, document);
    let output = '';
    try {
      output = execFileSync(testPython('openapi-spec-validator'), ['-m', 'openapi_spec_validator', '--errors', 'all', file], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    }
    expect(output.trim()).toBe(`${file}: OK`);
  });

  it('answers 405 with Allow for a method a path does not take, and 404 for a path it does not have', async () => {
    const trace = await new Promise<{ status: number; allow: string | undefined }>((resolve, reject) => {
      const req = request(`${stack.url}/health/live`, { method: 'TRACE' }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(trace).toEqual({ status: 405, allow: 'GET, HEAD' });
    expect((await call(stack.url, 'DELETE', '/plans', { token: admin })).status).toBe(405);
    expect((await call(stack.url, 'GET', '/no-such-route', { token: admin })).status).toBe(404);
  });

  it('asks for a session before it looks at the body', async () => {
    const reply = await call(stack.url, 'POST', '/plans', { body: '{', contentType: 'application/json' });
    expect(reply.status).toBe(401);
  });
});
