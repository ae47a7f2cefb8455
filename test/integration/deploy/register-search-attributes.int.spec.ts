// deploy/temporal/register-search-attributes.sh, run with the very arguments of
// docker-compose.yml's one-shot service, against a real Temporal dev server. Each test
// uses a fresh namespace, so it starts with no Dondoc* attribute registered.
import { allSearchAttributeKeys } from '@dondoc/contracts';
import { toolPaths } from '@dondoc/runtime';
import { startDevServer } from '@dondoc/test-harness';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { msToTs } from '@temporalio/common/lib/time';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { asList, loadCompose, repoRoot } from './support/deploy-files';

const script = path.join(repoRoot, 'deploy/temporal/register-search-attributes.sh');
const composeArgs = asList(loadCompose().services['temporal-search-attributes']?.command);

describe('register-search-attributes.sh', () => {
  let env: TestWorkflowEnvironment;
  let binDir: string;
  let namespaceCounter = 0;

  beforeAll(async () => {
    env = await startDevServer();
    // The script calls `temporal`, as in the admin-tools image.
    binDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-temporal-bin-'));
    symlinkSync(toolPaths().temporalCli, path.join(binDir, 'temporal'));
  });

  afterAll(async () => {
    await env?.teardown();
    if (binDir) rmSync(binDir, { recursive: true, force: true });
  });

  async function freshNamespace(): Promise<string> {
    const namespace = `deploy-${process.pid}-${Date.now()}-${namespaceCounter++}`;
    await env.connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
    return namespace;
  }

  function run(namespace: string, args: string[]) {
    const result = spawnSync('sh', [script, ...args], {
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
        HOME: os.tmpdir(),
        TEMPORAL_ADDRESS: env.address,
        TEMPORAL_NAMESPACE: namespace,
        WAIT_SECONDS: '60',
      },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  async function customAttributes(namespace: string): Promise<Record<string, unknown>> {
    const response = await env.connection.operatorService.listSearchAttributes({ namespace });
    return Object.fromEntries(Object.entries(response.customAttributes ?? {}).filter(([name]) => name.startsWith('Dondoc')));
  }

  it('registers every attribute of libs/contracts, with its type, in a fresh namespace', async () => {
    const namespace = await freshNamespace();
    const result = run(namespace, composeArgs);
    expect(result).toEqual(expect.objectContaining({ status: 0 }));
    expect(result.stdout).toContain(`search attributes ready in namespace ${namespace}`);

    const expected = Object.fromEntries(allSearchAttributeKeys.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)]));
    expect(await customAttributes(namespace)).toEqual(expected);
  });

  it('is idempotent: a second run changes nothing and succeeds', async () => {
    const namespace = await freshNamespace();
    expect(run(namespace, composeArgs).status).toBe(0);
    const before = await customAttributes(namespace);

    const again = run(namespace, composeArgs);
    expect(again.status).toBe(0);
    expect(again.stdout.match(/is already registered/g)).toHaveLength(allSearchAttributeKeys.length);
    expect(again.stdout).not.toMatch(/^creating /m);
    expect(await customAttributes(namespace)).toEqual(before);
  });

  it('fails when an attribute exists with another type, and then registers nothing', async () => {
    const namespace = await freshNamespace();
    expect(run(namespace, ['DondocPlan=Int']).status).toBe(0);

    const result = run(namespace, composeArgs);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DondocPlan is registered as Int');
    expect(result.stdout).not.toMatch(/^creating /m);
    expect(await customAttributes(namespace)).toEqual({ DondocPlan: encodeSearchAttributeIndexedValueType('INT') });
  });

  it('rejects a malformed argument before contacting the server', () => {
    const result = run('never-contacted', ['DondocPlan']);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain("bad argument 'DondocPlan'");
  });
});
