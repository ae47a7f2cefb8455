import type { Command } from 'commander';

import * as agency from './agency.command';
import * as audit from './audit.command';
import * as calendar from './calendar.command';
import * as deliveries from './deliveries.command';
import * as guidance from './guidance.command';
import * as login from './login.command';
import * as plan from './plan.command';
import * as report from './report.command';
import * as simulate from './simulate.command';
import * as stats from './stats.command';
import * as task from './task.command';
import * as templates from './templates.command';
import * as up from './up.command';
import * as user from './user.command';

/** Every command module exports `register(program)`; add new ones to this list. */
const commandModules: Array<{ register(program: Command): void }> = [up, plan, calendar, simulate, user, login, task, guidance, agency, audit, deliveries, templates, report, stats];

export function registerCommands(program: Command): void {
  for (const module of commandModules) module.register(program);
}
