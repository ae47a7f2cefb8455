import { z } from 'zod';

import { type Environment, environmentSchema } from './schema';

export type AppConfig = Environment;

/** Thrown with every bad variable at once; `exitCode` is what a process should exit with. */
export class ConfigError extends Error {
  readonly exitCode = 2;
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const productionSecrets = ['JWT_SECRET', 'METRICS_TOKEN'] as const;
/** The template ids the fake ZNS server approves (libs/channels DEFAULT_ZNS_TEMPLATE_IDS): never Zalo's. */
const FAKE_ZNS_TEMPLATE_ID = /=\s*4100\d\d\b/;

/** Validates the environment once. Empty strings count as unset so that `FOO=` falls back to the default. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value !== '') present[name] = value;
  const result = environmentSchema.safeParse(present);
  // Rules across variables read the raw values, so they are reported with the field errors, all at once.
  const problems = [...(result.success ? [] : describeIssues(result.error, present)), ...crossVariableProblems(present)];
  if (problems.length || !result.success) throw new ConfigError(problems);
  return result.data;
}

function crossVariableProblems(present: Record<string, string>): string[] {
  const problems: string[] = [];
  if (present.NODE_ENV === 'production') {
    for (const name of productionSecrets) {
      if (name === 'METRICS_TOKEN' && !present.LINK_SIGNING_SECRET && !present.LINK_SIGNING_KEYS) problems.push('LINK_SIGNING_SECRET: required when NODE_ENV=production (or LINK_SIGNING_KEYS)');
      if (!present[name]) problems.push(`${name}: required when NODE_ENV=production`);
    }
    // Without it every delivery receipt Zalo posts is refused as unsigned.
    if (present.ZALO_APP_ID && !present.ZALO_SECRET_KEY) problems.push('ZALO_SECRET_KEY: required when NODE_ENV=production and ZALO_APP_ID is set (the app secret the token refresh sends)');
    if (present.ZALO_APP_ID && !present.ZALO_OA_SECRET_KEY) problems.push('ZALO_OA_SECRET_KEY: required when NODE_ENV=production and ZALO_APP_ID is set');
    // Real ZNS would quietly fail (and fall back to e-mail) on a development OA or on the fake server's template ids.
    const allowDevelopment = ['true', '1'].includes(present.ZALO_ALLOW_DEVELOPMENT ?? '');
    if (present.ZALO_APP_ID && !allowDevelopment) {
      if ((present.ZALO_MODE ?? 'development') === 'development') problems.push('ZALO_MODE: must be production when NODE_ENV=production and ZALO_APP_ID is set (development delivers only to the app\'s admins); set ZALO_ALLOW_DEVELOPMENT=true for a trial');
      if (!present.ZALO_TEMPLATE_IDS) problems.push('ZALO_TEMPLATE_IDS: required when NODE_ENV=production and ZALO_APP_ID is set (the ids Zalo approved for this OA); set ZALO_ALLOW_DEVELOPMENT=true for a trial');
      else if (FAKE_ZNS_TEMPLATE_ID.test(present.ZALO_TEMPLATE_IDS)) problems.push('ZALO_TEMPLATE_IDS: names the fake ZNS server\'s ids (410001–410099), which Zalo never approved; set ZALO_ALLOW_DEVELOPMENT=true for a trial');
    }
  }
  if (present.LINK_SIGNING_KEY_ID && !(present.LINK_SIGNING_KEYS ?? '').split(',').some((pair) => pair.split('=')[0]?.trim() === present.LINK_SIGNING_KEY_ID)) {
    problems.push(`LINK_SIGNING_KEY_ID: "${present.LINK_SIGNING_KEY_ID}" is not a key id of LINK_SIGNING_KEYS`);
  }
  const dkim = ['SMTP_DKIM_DOMAIN', 'SMTP_DKIM_SELECTOR', 'SMTP_DKIM_PRIVATE_KEY'].filter((name) => present[name]).length;
  if (dkim !== 0 && dkim !== 3) problems.push('SMTP_DKIM_DOMAIN, SMTP_DKIM_SELECTOR, SMTP_DKIM_PRIVATE_KEY: set all three or none');
  return problems;
}

function describeIssues(error: z.ZodError, env: Record<string, string>): string[] {
  return error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(environment)');
    const value = env[name];
    const shown = value === undefined ? '' : ` (got ${JSON.stringify(isSecretName(name) ? '***' : value)})`;
    return `${name}: ${issue.message}${shown}`;
  });
}

const isSecretName = (name: string) => /SECRET|PASSWORD|TOKEN|KEY/.test(name);

let cached: AppConfig | undefined;

/** The process-wide configuration, validated on first use. */
export function config(): AppConfig {
  cached ??= loadConfig(process.env);
  return cached;
}

/**
 * For entry points: load the configuration or print the problems and exit with code 2.
 * Every app calls this first so a bad variable never surfaces as a crash deep inside.
 */
export function configOrExit(): AppConfig {
  try {
    return config();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(error.exitCode);
    }
    throw error;
  }
}
