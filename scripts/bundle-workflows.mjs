#!/usr/bin/env node
// Prebuilds the workflow bundle into dist/workflow-bundle.js (part of `npm run build`),
// so the worker starts without running webpack. Uses the compiled runtime library.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { bundleWorkflows, prebuiltBundlePath } = require(path.join(root, 'dist/libs/runtime/src/worker.js'));
const started = Date.now();
const { code } = await bundleWorkflows(root);
writeFileSync(prebuiltBundlePath(root), code);
console.log(`[build] workflow bundle ${(code.length / 1024).toFixed(0)} KiB in ${Date.now() - started} ms`);
