import { allSearchAttributeKeys } from '@dondoc/contracts';
import { createDondocWorker, toolPaths } from '@dondoc/runtime';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';

/**
 * The Java time-skipping server, for months-long timers. Time skipping is global
 * to a server, so each suite gets its own.
 */
export function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: toolPaths().testServer } },
  });
}

/** The real dev server (in memory), for visibility queries and Updates. */
export function startDevServer(): Promise<TestWorkflowEnvironment> {
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
