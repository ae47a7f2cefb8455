// e2e suites run the built product (dist/) as separate processes, the way `npm start` does.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import globalSetup from './global-setup';
import { repoRoot } from '../../libs/runtime/src/tools';

export default async function globalSetupE2e(): Promise<void> {
  await globalSetup();
  const root = repoRoot();
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!process.env.DONDOC_TEST_WORKFLOW_BUNDLE) process.env.DONDOC_TEST_WORKFLOW_BUNDLE = path.join(root, 'dist', 'workflow-bundle.js');
}
