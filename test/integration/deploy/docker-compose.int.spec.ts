// The production topology (docker-compose.yml, Dockerfile, .env.example, deploy/),
// checked by parsing: no Docker engine is needed. Each assertion guards against a
// mistake that would otherwise surface only on the first real deployment.
import { environmentSchema, loadConfig } from '@dondoc/config';
import { allSearchAttributeKeys, searchAttributeCliArgs } from '@dondoc/contracts';
import { parse } from 'yaml';

import {
  asList,
  type ComposeFile,
  type ComposePort,
  type ComposeService,
  dockerignorePatterns,
  type DotenvEntry,
  environmentOf,
  hasBareVariable,
  interpolate,
  loadCompose,
  MissingVariableError,
  parseDockerfile,
  parseDotenv,
  readRepoFile,
  repoFileExists,
  splitImage,
  stringsIn,
  variableReferences,
  volumeMount,
} from './support/deploy-files';

/**
 * Settings of libs/config that production does not set, each with its reason. Every
 * other key of environmentSchema must be in the apps' environment, and these must not.
 */
const DEVELOPMENT_ONLY = [
  // Ports of services that only the embedded runtime (`npm start`) spawns:
  'TEMPORAL_UI_PORT', // the dev server's UI; production runs temporal-ui on 8080
  'SMTP_SINK_PORT', // local SMTP sink; production sends through SMTP_URL
  'SMTP_SINK_WEB_PORT', // the sink's web inbox
  'ZALO_FAKE_PORT', // fake ZNS server; production calls ZALO_ZNS_BASE_URL
  'ZALO_FAKE_FAILURE_RATE', // the same fake server's share of -100 answers
] as const;

/** The Đôn Đốc apps: one image, one environment. */
const APP_SERVICES = ['api', 'worker', 'notifier', 'cli'] as const;
/** Long-running apps, which must wait for every dependency. */
const RUNNING_APPS = ['api', 'worker', 'notifier'] as const;

/** Stand-ins for the values an operator must put in .env (REQUIRED there). */
const REQUIRED_FIXTURES: Record<string, string> = {
  POSTGRES_PASSWORD: 'a1'.repeat(24),
  DONDOC_DB_PASSWORD: 'b2'.repeat(24),
  JWT_SECRET: 'c3'.repeat(32),
  LINK_SIGNING_SECRET: 'd4'.repeat(32),
  METRICS_TOKEN: 'e5'.repeat(32),
  SMTP_URL: 'smtp://dondoc:pass@relay.example.gov.vn:587',
  SMTP_FROM: '"Đôn Đốc" <dondoc@example.gov.vn>',
  SMTP_REPLY_TO: 'vanphong@example.gov.vn',
  PUBLIC_BASE_URL: 'https://dondoc.example.gov.vn',
};

const compose: ComposeFile = loadCompose();
const services = compose.services;
const service = (name: string): ComposeService => {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};
const appEnvironment = environmentOf(service('api'));

/** depends_on in its long form; the short (list) form waits for nothing. */
function dependencies(svc: ComposeService): Array<[string, string | undefined]> {
  const deps = svc.depends_on;
  if (!deps) return [];
  if (Array.isArray(deps)) return deps.map((name) => [name, undefined]);
  return Object.entries(deps).map(([name, spec]) => [name, spec?.condition]);
}

const longPorts = (svc: ComposeService): ComposePort[] =>
  (svc.ports ?? []).map((port) => {
    if (typeof port === 'object') return port;
    // Short syntax: [host_ip:]published:target[/protocol]
    const [spec, protocol] = String(port).split('/') as [string, string | undefined];
    const parts = spec.split(':');
    const target = Number(parts.at(-1));
    return { target, ...(parts.length > 1 ? { published: parts.at(-2)! } : {}), ...(protocol ? { protocol } : {}) };
  });

/** A value as Compose would pass it, with the REQUIRED values filled in. */
const resolve = (value: string, variables: Record<string, string> = REQUIRED_FIXTURES) => interpolate(value, variables);

const hostOf = (value: string) => new URL(value.includes('://') ? value : `tcp://${value}`).hostname;

describe('docker-compose.yml', () => {
  it('has the services of the production topology', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([
        'postgresql',
        'temporal',
        'temporal-admin-tools',
        'temporal-search-attributes',
        'temporal-ui',
        'redis',
        'api',
        'worker',
        'notifier',
        'cli',
      ]),
    );
  });

  it('pins every image to a version, never latest', () => {
    for (const [name, svc] of Object.entries(services)) {
      if (!svc.image) {
        expect({ service: name, build: svc.build }).toEqual({ service: name, build: expect.anything() });
        continue;
      }
      const image = resolve(svc.image);
      const { tag, digest } = splitImage(image);
      expect({ service: name, image, tagged: Boolean(tag || digest) }).toEqual({ service: name, image, tagged: true });
      if (tag) {
        expect({ service: name, image, tag }).not.toEqual(expect.objectContaining({ tag: 'latest' }));
        // A version, not a moving name like `alpine` or `stable`.
        expect({ service: name, image, versioned: /\d/.test(tag) }).toEqual({ service: name, image, versioned: true });
      }
    }
  });

  it('uses Temporal admin tools of the same server version as the Temporal server', () => {
    const server = splitImage(resolve(service('temporal').image!));
    expect(server).toEqual({ repository: 'temporalio/auto-setup', tag: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    for (const name of ['temporal-admin-tools', 'temporal-search-attributes']) {
      const tools = splitImage(resolve(service(name).image!));
      expect(tools.repository).toBe('temporalio/admin-tools');
      expect(`${tools.tag}-`.startsWith(`${server.tag}-`)).toBe(true);
    }
    expect(splitImage(resolve(service('temporal-ui').image!)).repository).toBe('temporalio/ui');
  });

  it('builds the apps as one image from the Dockerfile', () => {
    const images = new Set(APP_SERVICES.map((name) => service(name).image));
    expect(images.size).toBe(1);
    for (const name of APP_SERVICES) {
      const build = service(name).build;
      const context = typeof build === 'string' ? build : build?.context;
      expect({ service: name, context }).toEqual({ service: name, context: '.' });
      if (typeof build === 'object' && build.dockerfile) expect(build.dockerfile).toBe('Dockerfile');
    }
  });

  it('publishes the API, the Temporal frontend and the Temporal UI, and nothing of PostgreSQL or Redis', () => {
    const published = (name: string) => longPorts(service(name)).filter((port) => port.published !== undefined && port.published !== '');
    expect(published('api').map((port) => port.target)).toEqual([Number(appEnvironment.API_PORT)]);
    expect(published('temporal').map((port) => port.target)).toEqual([7233]);
    expect(published('temporal-ui').map((port) => port.target)).toEqual([8080]);
    expect(published('temporal-ui').map((port) => resolve(String(port.published)))).toEqual(['8080']);
    for (const name of ['postgresql', 'redis', 'worker', 'notifier']) expect({ service: name, ports: service(name).ports }).toEqual({ service: name, ports: undefined });
  });

  it('waits on a condition for every dependency, and each one it waits on can report it', () => {
    for (const [name, svc] of Object.entries(services)) {
      for (const [target, condition] of dependencies(svc)) {
        const edge = `${name} -> ${target}`;
        expect({ edge, exists: target in services }).toEqual({ edge, exists: true });
        expect({ edge, condition }).toEqual({ edge, condition: expect.stringMatching(/^service_(healthy|completed_successfully)$/) });

        const dependency = services[target]!;
        if (condition === 'service_healthy') {
          const test = asList(dependency.healthcheck?.test);
          expect({ edge, healthcheck: test.length > 1 && !['NONE'].includes(test[0]!) && !dependency.healthcheck?.disable }).toEqual({ edge, healthcheck: true });
        } else {
          // A one-shot that restarted would never complete.
          expect({ edge, restart: dependency.restart ?? 'no' }).toEqual({ edge, restart: 'no' });
        }
      }
    }
  });

  it('starts the apps only after PostgreSQL, Redis, Temporal and the search attributes are ready', () => {
    for (const name of RUNNING_APPS) {
      expect(Object.fromEntries(dependencies(service(name)))).toEqual(
        expect.objectContaining({
          postgresql: 'service_healthy',
          redis: 'service_healthy',
          temporal: 'service_healthy',
          'temporal-search-attributes': 'service_completed_successfully',
        }),
      );
    }
    expect(Object.fromEntries(dependencies(service('temporal')))).toEqual({ postgresql: 'service_healthy' });
  });

  it('has healthchecks that probe the right thing', () => {
    const test = (name: string) => asList(service(name).healthcheck?.test).join(' ');
    expect(test('postgresql')).toMatch(/pg_isready/);
    expect(test('redis')).toMatch(/redis-cli\b.*\bping/);
    expect(test('temporal')).toMatch(/temporal operator cluster health/);
    expect(test('api')).toContain(`:${appEnvironment.API_PORT}/health/live`);
  });

  it('declares every named volume and keeps PostgreSQL and Redis data on volumes', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const [name, svc] of Object.entries(services)) {
      for (const mount of (svc.volumes ?? []).map(volumeMount)) {
        if (mount.type === 'volume' && mount.source) expect({ service: name, volume: mount.source, declared: declared.includes(mount.source) }).toEqual({ service: name, volume: mount.source, declared: true });
        if (mount.type === 'bind') expect({ service: name, path: mount.source, exists: repoFileExists(mount.source!) }).toEqual({ service: name, path: mount.source, exists: true });
      }
    }
    const namedVolumeAt = (name: string, target: string) =>
      (service(name).volumes ?? []).map(volumeMount).some((mount) => mount.type === 'volume' && mount.source && mount.target === target);
    expect(namedVolumeAt('postgresql', '/var/lib/postgresql/data')).toBe(true);
    expect(namedVolumeAt('redis', '/data')).toBe(true);
    expect(asList(service('redis').command).join(' ')).toMatch(/--appendonly yes/);
    // BullMQ loses jobs if Redis evicts keys.
    expect(asList(service('redis').command).join(' ')).toMatch(/--maxmemory-policy noeviction/);
  });

  it('creates the app database on the shared PostgreSQL server with an init script', () => {
    const init = (service('postgresql').volumes ?? []).map(volumeMount).find((mount) => mount.target === '/docker-entrypoint-initdb.d');
    expect(init?.source).toBe('./deploy/postgres/init');
    const script = readRepoFile('deploy/postgres/init/10-dondoc-database.sh');
    expect(script).toMatch(/CREATE ROLE/);
    expect(script).toMatch(/CREATE DATABASE/);

    const url = new URL(resolve(appEnvironment.DATABASE_URL!));
    expect(url.hostname).toBe('postgresql');
    // The init script reads the same (required) password the apps connect with.
    const initPassword = environmentOf(service('postgresql')).DONDOC_DB_PASSWORD!;
    expect(variableReferences(initPassword)).toEqual([expect.objectContaining({ name: 'DONDOC_DB_PASSWORD', operator: ':?' })]);
    expect(decodeURIComponent(url.password)).toBe(resolve(initPassword));
    expect(script).toContain('DONDOC_DB_PASSWORD');
    expect(`/${script.match(/DONDOC_DB_NAME:-(\w+)/)?.[1]}`).toBe(url.pathname);
    expect(script.match(/DONDOC_DB_USER:-(\w+)/)?.[1]).toBe(url.username);
  });

  it('runs Temporal on PostgreSQL with the dynamic config of deploy/temporal', () => {
    const env = environmentOf(service('temporal'));
    expect(env).toEqual(
      expect.objectContaining({ DB: 'postgres12', DB_PORT: '5432', POSTGRES_USER: environmentOf(service('postgresql')).POSTGRES_USER }),
    );
    expect(env.POSTGRES_SEEDS).toBe('postgresql');
    expect(env.POSTGRES_PWD).toBe(environmentOf(service('postgresql')).POSTGRES_PASSWORD);

    const configPath = /^config\/dynamicconfig\/([\w.-]+\.ya?ml)$/.exec(env.DYNAMIC_CONFIG_FILE_PATH ?? '');
    expect(configPath).not.toBeNull();
    const mount = (service('temporal').volumes ?? []).map(volumeMount).find((m) => m.target === '/etc/temporal/config/dynamicconfig');
    expect(mount?.source).toBe('./deploy/temporal/dynamicconfig');
    const dynamicConfig = parse(readRepoFile(`deploy/temporal/dynamicconfig/${configPath![1]}`)) as Record<string, unknown>;
    expect(Object.keys(dynamicConfig).length).toBeGreaterThan(0);
    for (const [key, values] of Object.entries(dynamicConfig)) {
      expect({ key, values }).toEqual({ key, values: expect.arrayContaining([expect.objectContaining({ value: expect.anything() })]) });
    }

    // One namespace everywhere: created by auto-setup, given the attributes, used by the apps and the UI.
    const namespace = appEnvironment.TEMPORAL_NAMESPACE;
    expect(env.DEFAULT_NAMESPACE).toBe(namespace);
    expect(environmentOf(service('temporal-search-attributes')).TEMPORAL_NAMESPACE).toBe(namespace);
    expect(environmentOf(service('temporal-ui')).TEMPORAL_DEFAULT_NAMESPACE).toBe(namespace);
    expect(asList(service('temporal').healthcheck?.test).join(' ')).toContain(namespace);

    for (const name of ['temporal-ui', 'temporal-admin-tools', 'temporal-search-attributes']) {
      expect({ service: name, address: environmentOf(service(name)).TEMPORAL_ADDRESS }).toEqual({ service: name, address: appEnvironment.TEMPORAL_ADDRESS });
    }
    // Overridable, with the UI's own published address as the default origin.
    expect(environmentOf(service('temporal-ui')).TEMPORAL_CORS_ORIGINS).toMatch(/^\$\{TEMPORAL_UI_CORS_ORIGINS:-https?:\/\/[^\s}]+\}$/);
  });

  it('registers exactly the search attributes of libs/contracts, with their types', () => {
    const registrar = service('temporal-search-attributes');
    const pairs = asList(registrar.command);
    expect(pairs.map((pair) => pair.split('=')[0]).sort()).toEqual(allSearchAttributeKeys.map((key) => key.name).sort());
    // Name=Type as `temporal operator search-attribute create --type` spells the type.
    const expectedPairs = searchAttributeCliArgs().filter((arg) => arg !== '--search-attribute');
    expect([...pairs].sort()).toEqual([...expectedPairs].sort());

    const script = asList(registrar.entrypoint).find((arg) => arg.endsWith('.sh'));
    const mount = (registrar.volumes ?? []).map(volumeMount).find((m) => m.target === script);
    expect(mount?.source).toBe('./deploy/temporal/register-search-attributes.sh');
  });

  it('uses only ${VAR} interpolation (a bare $VAR would escape the checks on .env.example)', () => {
    expect([...stringsIn(compose)].filter(hasBareVariable)).toEqual([]);
  });

  it('runs the apps from files that `npm run build` produces', () => {
    // swc compiles apps/X/src/main.ts to dist/apps/X/src/main.js.
    const pkg = JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toMatch(/\bswc apps\b[^&]*-d dist\b/);
    const entry = (args: string[]) => {
      expect(args[0]).toBe('node');
      const file = args[1]!;
      expect(file).toMatch(/^dist\/apps\/[\w-]+\/src\/main\.js$/);
      return file;
    };
    const sourceOf = (distFile: string) => distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts');

    for (const name of ['api', 'worker', 'notifier']) {
      const file = entry(asList(service(name).command));
      expect(file).toBe(`dist/apps/${name}/src/main.js`);
      expect({ file, source: sourceOf(file), exists: repoFileExists(sourceOf(file)) }).toEqual({ file, source: sourceOf(file), exists: true });
    }
    const cli = entry(asList(service('cli').entrypoint));
    expect(cli).toBe('dist/apps/cli/src/main.js');
    expect(repoFileExists(sourceOf(cli))).toBe(true);
    // The CLI is a tool, not a daemon.
    expect(service('cli').profiles).toEqual(['tools']);
  });
});

describe('docker-compose.yml: the apps’ environment against libs/config', () => {
  const schemaKeys = Object.keys(environmentSchema.shape);

  it('is written once (x-dondoc-env) and shared by every app', () => {
    const anchor = compose['x-dondoc-env'];
    expect(anchor).toEqual(expect.objectContaining({ NODE_ENV: 'production' }));
    for (const name of APP_SERVICES) expect({ service: name, environment: service(name).environment }).toEqual({ service: name, environment: anchor });
  });

  it('sets every setting production needs, and only real settings', () => {
    for (const key of DEVELOPMENT_ONLY) expect({ allowListed: key, inSchema: schemaKeys.includes(key) }).toEqual({ allowListed: key, inSchema: true });
    const expected = schemaKeys.filter((key) => !(DEVELOPMENT_ONLY as readonly string[]).includes(key)).sort();
    expect(Object.keys(appEnvironment).sort()).toEqual(expected);
  });

  it('passes the apps’ own validation in production mode', () => {
    const resolved = Object.fromEntries(Object.entries(appEnvironment).map(([key, value]) => [key, resolve(value)]));
    const config = loadConfig(resolved);
    expect(config.NODE_ENV).toBe('production');
    expect(config.DONDOC_EMBEDDED).toBe(false);
    // The addresses name services of this file.
    for (const key of ['TEMPORAL_ADDRESS', 'REDIS_URL', 'DATABASE_URL'] as const) {
      const host = hostOf(String(config[key]));
      expect({ key, host, isService: host in services }).toEqual({ key, host, isService: true });
    }
  });

  it('refuses to start without the secrets and the deployment-specific values', () => {
    for (const key of ['JWT_SECRET', 'LINK_SIGNING_SECRET', 'METRICS_TOKEN', 'DATABASE_URL', 'SMTP_URL', 'SMTP_FROM', 'SMTP_REPLY_TO', 'PUBLIC_BASE_URL']) {
      expect(() => interpolate(appEnvironment[key]!, {})).toThrow(MissingVariableError);
      // `:?` also rejects an empty value, as in `JWT_SECRET=` copied from .env.example.
      const names = variableReferences(appEnvironment[key]!).map((ref) => ref.name);
      expect(() => interpolate(appEnvironment[key]!, Object.fromEntries(names.map((name) => [name, ''])))).toThrow(MissingVariableError);
    }
    for (const value of [environmentOf(service('postgresql')).POSTGRES_PASSWORD!, environmentOf(service('temporal')).POSTGRES_PWD!]) {
      expect(() => interpolate(value, { POSTGRES_PASSWORD: '' })).toThrow(MissingVariableError);
    }
  });
});

describe('.env.example', () => {
  // Parsed in beforeAll: a line Compose would reject fails every test below with its reason.
  let entries: DotenvEntry[] = [];
  let documented = new Map<string, DotenvEntry>();
  beforeAll(() => {
    entries = parseDotenv(readRepoFile('.env.example'));
    documented = new Map(entries.map((entry) => [entry.name, entry]));
  });
  const references = [...stringsIn(compose)].flatMap(variableReferences);
  const referenced = new Set(references.map((ref) => ref.name));

  it('documents every variable docker-compose.yml reads, and no other', () => {
    expect(references.length).toBeGreaterThan(0);
    expect([...referenced].filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented.keys()].filter((name) => !referenced.has(name))).toEqual([]);
  });

  it('ships no secret: every required secret is blank', () => {
    const required = new Set(references.filter((ref) => ref.operator.endsWith('?')).map((ref) => ref.name));
    for (const name of required) {
      if (/PASSWORD|SECRET|TOKEN|KEY/.test(name)) expect({ name, value: documented.get(name)?.value }).toEqual({ name, value: '' });
    }
    for (const entry of entries) {
      if (/PASSWORD|SECRET|TOKEN|PRIVATE_KEY/.test(entry.name)) expect({ name: entry.name, value: entry.value }).toEqual({ name: entry.name, value: '' });
    }
  });

  it('gives a configuration the apps accept once the blanks are filled in', () => {
    const variables: Record<string, string> = {};
    for (const entry of entries) if (!entry.commented) variables[entry.name] = entry.value || REQUIRED_FIXTURES[entry.name] || '';
    const resolved = Object.fromEntries(Object.entries(appEnvironment).map(([key, value]) => [key, interpolate(value, variables)]));
    expect(() => loadConfig(resolved)).not.toThrow();
    expect(loadConfig(resolved).SMTP_FROM).toMatch(/^".+" <.+@.+>$/);
  });
});

describe('Dockerfile', () => {
  const { stages } = parseDockerfile(readRepoFile('Dockerfile'));
  const finalStage = stages.at(-1)!;
  const runs = (stage: { instructions: Array<{ keyword: string; args: string }> }) =>
    stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);

  it('builds on Node 24, in more than one stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      const fromStage = stages.some((other) => other.name === stage.image);
      if (!fromStage) expect(stage.image).toMatch(/^node:24(\.\d+){0,2}(-[a-z]+)*$/);
    }
  });

  it('installs with npm ci, builds, then drops dev dependencies', () => {
    const buildStage = stages.find((stage) => runs(stage).some((run) => /\bnpm run build\b/.test(run)));
    expect(buildStage).toBeDefined();
    const commands = runs(buildStage!).join(' && ');
    const ci = commands.search(/\bnpm ci\b/);
    const build = commands.search(/\bnpm run build\b/);
    const prune = commands.search(/\bnpm prune --omit=dev\b/);
    expect(ci).toBeGreaterThanOrEqual(0);
    expect(build).toBeGreaterThan(ci);
    expect(prune).toBeGreaterThan(build);
    // The build needs the dev dependencies (swc, and the `node` binary npm scripts run on)
    // and their install scripts.
    expect(commands).not.toMatch(/npm ci[^&]*(--omit|--only|--production|--ignore-scripts)/);
  });

  it('runs as an unprivileged user, with the built app in the final stage', () => {
    const users = finalStage.instructions.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const copied = finalStage.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    // package.json marks the root the runtime finds dist/workflow-bundle.js from.
    for (const path of ['/app/dist', '/app/node_modules', '/app/package.json', '/app/seeds']) {
      expect({ path, copied: copied.some((args) => args.includes(path)) }).toEqual({ path, copied: true });
    }
  });

  it('leaves local state and secrets out of the build context, but not the sources', () => {
    const patterns = dockerignorePatterns(readRepoFile('.dockerignore'));
    for (const ignored of ['node_modules', 'dist', '.tools', '.dondoc', '.git', 'coverage']) expect(patterns).toContain(ignored);
    expect(patterns.some((p) => /^(\*\*\/)?\.env$/.test(p))).toBe(true);
    for (const needed of ['package.json', 'package-lock.json', '.swcrc', 'tsconfig.base.json', 'apps', 'libs', 'workflows', 'activities', 'scripts', 'seeds']) {
      expect({ needed, ignored: patterns.includes(needed) || patterns.includes(`${needed}/`) }).toEqual({ needed, ignored: false });
    }
  });
});
