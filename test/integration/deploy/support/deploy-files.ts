// Readers for the production topology's files (docker-compose.yml, .env.example,
// Dockerfile, .dockerignore), shared by the specs in test/integration/deploy.
// No Docker engine is needed: the files are parsed, never run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(__dirname, '../../../..');
export const readRepoFile = (relative: string) => readFileSync(path.join(repoRoot, relative), 'utf8');
export const repoFileExists = (relative: string) => existsSync(path.join(repoRoot, relative));

export type EnvironmentValue = string | number | boolean | null;

export interface ComposePort {
  target: number;
  published?: string | number;
  host_ip?: string;
  protocol?: string;
}

export interface ComposeVolumeMount {
  type: string;
  source?: string;
  target: string;
  read_only?: boolean;
}

export interface ComposeService {
  image?: string;
  build?: string | { context: string; dockerfile?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, EnvironmentValue> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: Array<string | number | ComposePort>;
  volumes?: Array<string | ComposeVolumeMount>;
  restart?: string;
  profiles?: string[];
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [extension: `x-${string}`]: unknown;
}

/** docker-compose.yml with anchors, aliases and `<<` merge keys resolved, as Compose reads it. */
export function loadCompose(text = readRepoFile('docker-compose.yml')): ComposeFile {
  return parse(text, { merge: true }) as ComposeFile;
}

// ---------------------------------------------------------------------------------------
// Compose interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}
// and $$ for a literal $. (https://docs.docker.com/reference/compose-file/interpolation/)
// ---------------------------------------------------------------------------------------

const interpolationPattern = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;

export interface VariableReference {
  name: string;
  /** `:-`, `-`, `:?`, `?`, or '' for a plain ${VAR}. */
  operator: string;
  argument: string;
}

export function variableReferences(value: string): VariableReference[] {
  return [...value.matchAll(interpolationPattern)].map(([, name, operator = '', argument = '']) => ({
    name: name!,
    operator,
    argument,
  }));
}

export class MissingVariableError extends Error {}

/** Interpolates like Compose; throws MissingVariableError for a required variable that is unset (or empty, with `:?`). */
export function interpolate(value: string, variables: Record<string, string | undefined>): string {
  return value
    .split('$$')
    .map((part) =>
      part.replace(interpolationPattern, (_match, name: string, operator = '', argument = '') => {
        const current = variables[name];
        const missing = operator.startsWith(':') ? !current : current === undefined;
        if (operator.endsWith('?') && missing) throw new MissingVariableError(`${name}: ${argument}`);
        if (operator.endsWith('-') && missing) return argument;
        return current ?? '';
      }),
    )
    .join('$');
}

/** `$VAR` without braces: allowed by Compose, but easy to miss in reviews and in these checks. */
export const hasBareVariable = (value: string) => /\$(?!\{)[A-Za-z_]/.test(value.split('$$').join(''));

/** Every string inside a parsed YAML value (keys excluded), depth first. */
export function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* stringsIn(item);
}

export const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : value.split(/\s+/).filter(Boolean);

/** A service's environment as a mapping (Compose also accepts a list of KEY=VALUE). */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((item) => {
        const at = item.indexOf('=');
        return at < 0 ? [item, ''] : [item.slice(0, at), item.slice(at + 1)];
      })
    : Object.entries(env).map(([key, value]) => [key, value === null ? '' : String(value)]);
  return Object.fromEntries(entries) as Record<string, string>;
}

/** `name:tag`, `registry:5000/name:tag` or `name@sha256:…` into its parts. */
export function splitImage(image: string): { repository: string; tag?: string; digest?: string } {
  const [withoutDigest, digest] = image.split('@') as [string, string | undefined];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon < 0
    ? { repository: withoutDigest, ...(digest ? { digest } : {}) }
    : { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), ...(digest ? { digest } : {}) };
}

/** Short (`./a:/b:ro`, `name:/b`) or long volume syntax into { type, source, target }. */
export function volumeMount(entry: string | ComposeVolumeMount): ComposeVolumeMount {
  if (typeof entry !== 'string') return entry;
  const [source, target, mode] = entry.split(':') as [string, string | undefined, string | undefined];
  if (target === undefined) return { type: 'volume', target: source };
  const type = /^[./~]/.test(source) ? 'bind' : 'volume';
  return { type, source, target, ...(mode?.split(',').includes('ro') ? { read_only: true } : {}) };
}

// ---------------------------------------------------------------------------------------
// .env files
// ---------------------------------------------------------------------------------------

export interface DotenvEntry {
  name: string;
  value: string;
  /** Present only as a commented-out example (`# NAME=value`). */
  commented: boolean;
}

/**
 * KEY=VALUE lines of a .env file, as Compose reads them: single quotes are literal,
 * double quotes understand \n and \", and nothing but a comment may follow the closing
 * quote (Compose rejects `A="x" y`). Throws on such a line.
 */
export function parseDotenv(text: string): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  text.split('\n').forEach((line, index) => {
    const match = /^(#\s*)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (!match) return;
    const raw = match[3]!.trim();
    const quoted = /^'([^']*)'(.*)$/.exec(raw) ?? /^"((?:[^"\\]|\\.)*)"(.*)$/.exec(raw);
    let value: string;
    if (quoted) {
      const rest = quoted[2]!.trim();
      if (rest && !rest.startsWith('#')) throw new Error(`line ${index + 1}: unexpected text after the closing quote: ${rest}`);
      value = raw.startsWith('"') ? quoted[1]!.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1') : quoted[1]!;
    } else {
      if (/^['"]/.test(raw)) throw new Error(`line ${index + 1}: unterminated quote`);
      value = raw.replace(/\s+#.*$/, '');
    }
    entries.push({ name: match[2]!, value, commented: Boolean(match[1]) });
  });
  return entries;
}

// ---------------------------------------------------------------------------------------
// Dockerfile
// ---------------------------------------------------------------------------------------

export interface DockerInstruction {
  keyword: string;
  /** Everything after the keyword, continuation lines joined. */
  args: string;
  line: number;
}

export interface DockerStage {
  /** FROM's image with ARG defaults substituted. */
  image: string;
  name?: string;
  instructions: DockerInstruction[];
}

export function parseDockerfile(text: string): { args: Record<string, string>; stages: DockerStage[] } {
  const instructions: DockerInstruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (/^\s*(#|$)/.test(first)) continue;
    const start = i;
    let joined = first;
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) {
      const next = lines[++i]!;
      if (/^\s*#/.test(next)) continue;
      joined = `${joined.replace(/\\\s*$/, ' ')}${next}`;
    }
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(joined);
    if (match) instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line: start + 1 });
  }

  const args: Record<string, string> = {};
  const stages: DockerStage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [name, value = ''] = instruction.args.split('=') as [string, string | undefined];
      args[name.trim()] = value.trim();
    } else if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const image = words[0]!.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_m, name: string) => args[name] ?? '');
      const asAt = words.findIndex((word) => word.toUpperCase() === 'AS');
      stages.push({ image, ...(asAt > 0 ? { name: words[asAt + 1]! } : {}), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { args, stages };
}

/** .dockerignore patterns, without comments and blank lines. */
export const dockerignorePatterns = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
