// Jest globalSetup for the integration and e2e projects: make sure the Temporal
// binaries are installed and bundle the workflow code once for every suite.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Relative import: globalSetup runs outside Jest's module mapper.
import { repoRoot } from '../../libs/runtime/src/tools';
import { bundleWorkflows } from '../../libs/runtime/src/worker';

export default async function globalSetup(): Promise<void> {
  const root = repoRoot();
  execFileSync(process.execPath, [path.join(root, 'scripts', 'install-tools.mjs'), '--quiet'], { stdio: 'inherit' });
  if (!process.env.DONDOC_TEST_WORKFLOW_BUNDLE) {
    const { code } = await bundleWorkflows(root);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dondoc-bundle-')), 'workflow-bundle.js');
    writeFileSync(file, code);
    // Inherited by Jest's worker processes, which start after globalSetup.
    process.env.DONDOC_TEST_WORKFLOW_BUNDLE = file;
  }
}
