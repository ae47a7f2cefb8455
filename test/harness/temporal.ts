import { allSearchAttributeKeys } from '@dondoc/contracts';
import { createDondocWorker, toolPaths } from '@dondoc/runtime';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';

/**
 * The Java time-skipping server, for months-long timers. Time skipping is global
 * to a server, so each suite gets its own.
 */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  installQuietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: toolPaths().testServer } },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(allSearchAttributeKeys.map((key) => [key.name, indexedValueTypes[key.type] ?? 0])),
  });
  return env;
}

// Proto enum values of temporal.api.enums.v1.IndexedValueType.
const indexedValueTypes: Record<string, number> = { TEXT: 1, KEYWORD: 2, INT: 3, DOUBLE: 4, BOOL: 5, DATETIME: 6, KEYWORD_LIST: 7 };

/** The real dev server (in memory), for visibility queries and Updates. */
export function startDevServer(): Promise<TestWorkflowEnvironment> {
  installQuietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: toolPaths().temporalCli },
      searchAttributes: allSearchAttributeKeys,
      log: { format: 'pretty', level: 'error' },
    },
  });
}

let runtimeInstalled = false;
/** Keep test output readable: the SDK logs every worker state change at INFO. */
function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

/** A worker on a fresh task queue, running the bundle built once by globalSetup. */
export function createTestWorker(env: TestWorkflowEnvironment, taskQueue: string, activities: object): Promise<Worker> {
  installQuietRuntime();
  return createDondocWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    activities,
    workflowBundlePath: process.env.DONDOC_TEST_WORKFLOW_BUNDLE,
  });
}

let queueCounter = 0;
/** Task queue names unique per test, so workers of different tests never steal each other's tasks. */
export const uniqueTaskQueue = (prefix = 'test') => `${prefix}-${process.pid}-${Date.now()}-${queueCounter++}`;
