export { ManagedProcess, type ManagedProcessOptions } from './managed-process';
export { freePort, isPortOpen, waitFor } from './ports';
export { type RedisServerOptions, type RunningRedisServer, startRedisServer } from './redis-server';
export { type SinkMessage, SmtpSink, type SmtpSinkOptions } from './smtp-sink';
export { type RunningTemporalDevServer, startTemporalDevServer, type TemporalDevServerOptions } from './temporal-dev-server';
export { repoRoot, type ToolPaths, toolPaths } from './tools';
export { bundleWorkflows, createDondocWorker, type DondocWorkerOptions, prebuiltBundlePath } from './worker';
export { type EmbeddedStack, startEmbeddedStack } from './embedded-stack';
export { loadOrCreateDevSecrets } from './dev-secrets';
