// The web app's API types (apps/web/src/api/schema.d.ts) must be what the
// API's OpenAPI document generates today: a change to the API that the front
// end has not picked up fails here (regenerate with npm run web:schema).
import { repoRoot } from '@dondoc/runtime';
import { execFile } from 'node:child_process';
import path from 'node:path';

describe('web API schema', () => {
  it('is generated from the current OpenAPI document (apps/web/src/api/schema.d.ts is not stale)', async () => {
    const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [path.join(repoRoot(), 'scripts', 'web-api-schema.mjs'), '--check'], { cwd: repoRoot() }, (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }));
    });
    expect(result).toEqual({ code: 0, stderr: '' });
  });
});
