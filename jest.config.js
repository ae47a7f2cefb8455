// One Jest run, three projects: unit tests live beside the code, integration
// and e2e tests under test/ and talk to real servers started by test/harness.
const fs = require('node:fs');
const path = require('node:path');

const swcConfig = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;
// Jest resolves aliases itself (moduleNameMapper below), so swc must not rewrite them.
delete swcConfig.jsc.paths;
delete swcConfig.jsc.baseUrl;

const { paths } = require('./tsconfig.base.json').compilerOptions;
const moduleNameMapper = {
  ...Object.fromEntries(Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`])),
  // A relative dynamic import names the compiled file ('./plan.command.js', as TypeScript's node16 resolution asks); Jest runs the .ts.
  '^(\\.{1,2}/.+)\\.js$': '$1',
};

// ESM-only packages are compiled to CommonJS for Jest (Node 24 itself loads them with require(esm)).
const esmOnly = ['commander', 'kysely', '@dqcai/vn-lunar', 'get-port', 'pdfjs-dist'];

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|m?j)s$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.map((p) => p.replace('/', '\\/')).join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.dondoc/'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,activities}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/harness/long-timeouts.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/test/harness/global-setup-e2e.ts',
      setupFilesAfterEnv: ['<rootDir>/test/harness/long-timeouts.ts'],
    },
  ],
};
