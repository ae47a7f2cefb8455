// A copy of seeds/ for a notifier process under test: every agency takes its
// reminders as `delivery` says, and quiet hours are dropped so that nothing
// waits for a lunch break whatever the hour the test runs. Everything else is
// the real seed data.
import type { DeliveryMode } from '@dondoc/domain';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', 'seeds');

interface AgencyEntry {
  id: string;
  preferences?: { channels?: string[] } | null;
}

export function notifierSeeds(delivery: DeliveryMode): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dondoc-seeds-${delivery}-`));
  cpSync(SEEDS, dir, { recursive: true });
  const file = path.join(dir, 'agencies.yaml');
  const directory = parse(readFileSync(file, 'utf8')) as { agencies: AgencyEntry[] };
  for (const agency of directory.agencies) agency.preferences = { channels: agency.preferences?.channels ?? ['email', 'zalo'], delivery } as AgencyEntry['preferences'];
  writeFileSync(file, stringify(directory));
  return dir;
}
