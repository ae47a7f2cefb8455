// Shared by the catalog's specs: the valid fixture directory and plan, loaded once.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { AgencyDirectory, Plan } from '@dondoc/domain';

import { AgencyIndex } from './agency-index';
import { loadAgencyDirectory, loadPlan } from './load-catalog';

export function readFixture(fixture: string): { file: string; text: string } {
  return { file: fixture, text: fs.readFileSync(path.join(__dirname, '..', 'fixtures', fixture), 'utf8') };
}

export function fixtureDirectory(): { directory: AgencyDirectory; index: AgencyIndex } {
  const result = loadAgencyDirectory(readFixture('agencies/valid.yaml'));
  if (!result.ok) throw new Error('fixtures/agencies/valid.yaml does not load');
  return { directory: result.directory, index: result.index };
}

export function fixturePlan(): Plan {
  const result = loadPlan(readFixture('plans/valid.yaml'), null);
  if (!result.ok) throw new Error('fixtures/plans/valid.yaml does not load');
  return result.plan;
}
