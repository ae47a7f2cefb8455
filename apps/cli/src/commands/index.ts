import type { Command } from 'commander';

import * as calendar from './calendar.command';
import * as plan from './plan.command';
import * as simulate from './simulate.command';
import * as up from './up.command';

/** Every command module exports `register(program)`; add new ones to this list. */
const commandModules: Array<{ register(program: Command): void }> = [up, plan, calendar, simulate];

export function registerCommands(program: Command): void {
  for (const module of commandModules) module.register(program);
}
