import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import path from 'node:path';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';

import { repoRoot } from './tools';

/** Prebuilt bundle written by `npm run build` (scripts/bundle-workflows.mjs). */
export const prebuiltBundlePath = (root = repoRoot()) => path.join(root, 'dist', 'workflow-bundle.js');

/**
 * Bundles workflows/ for the Temporal sandbox. Path aliases (@dondoc/*) are
 * resolved through tsconfig so workflow code imports libs the same way as the rest.
 */
export async function bundleWorkflows(root = repoRoot()): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: path.join(root, 'workflows', 'src', 'index.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
    webpackConfigHook: (config) => {
      config.resolve ??= {};
      config.resolve.plugins = [...(config.resolve.plugins ?? []), new TsconfigPathsPlugin({ configFile: path.join(root, 'tsconfig.base.json'), silent: true })];
      return config;
    },
  });
}

export interface DondocWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: object;
  /** A bundle file; default: the prebuilt one when present, else bundle from source. */
  workflowBundlePath?: string;
  identity?: string;
}

export async function createDondocWorker(options: DondocWorkerOptions): Promise<Worker> {
  const bundlePath = options.workflowBundlePath ?? (existsSync(prebuiltBundlePath()) ? prebuiltBundlePath() : undefined);
  const workflowBundle = bundlePath ? { codePath: bundlePath } : await bundleWorkflows();
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    workflowBundle,
    ...(options.identity ? { identity: options.identity } : {}),
  });
}
