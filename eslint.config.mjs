// Lint rules. The workflow rule is the important one: workflow code runs in
// Temporal's deterministic sandbox, so it may not touch Node built-ins or I/O libraries.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'net', 'http', 'https', 'crypto', 'child_process', 'worker_threads', 'dns', 'stream', 'timers', 'process']
  .flatMap((name) => [name, `node:${name}`, `${name}/*`, `node:${name}/*`]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.dondoc/**', '**/fixtures/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.filter((n) => !n.endsWith('/*')),
        patterns: [
          { group: ['@nestjs/*', 'bullmq', 'ioredis', 'pg', 'kysely', 'nodemailer', '@temporalio/worker', '@temporalio/activity', '@temporalio/client', '@dondoc/db', '@dondoc/channels', '@dondoc/config', '@dondoc/catalog', '@dondoc/activities'], message: 'Workflow code must stay deterministic: no I/O libraries. Use activities.',
            // `import type` is erased before bundling; workflows need the activities' types for proxyActivities.
            allowTypeImports: true },
        ],
      }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    // libs/runtime only forwards the environment to the child processes it supervises.
    ignores: ['libs/config/**', 'libs/runtime/**', '**/*.spec.ts', 'libs/db/src/testing.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only libs/config reads process.env.' }],
    },
  },
  {
    // The web application runs in the browser: React's rules of hooks, and no server code.
    files: ['apps/web/**/*.{ts,tsx,mts}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.filter((n) => !n.endsWith('/*') && !n.startsWith('node:')),
        patterns: [{ group: ['@dondoc/*', '!@dondoc/domain', '@nestjs/*', '@temporalio/*', 'bullmq', 'ioredis', 'pg', 'kysely'], message: 'The web app talks to the API only (typed client in src/api); of our libs only @dondoc/domain is browser-safe.' }],
      }],
    },
  },
  {
    // Build configuration runs in Node.
    files: ['apps/web/vite.config.mts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
