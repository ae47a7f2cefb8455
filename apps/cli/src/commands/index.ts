import type { Command } from 'commander';

interface CommandModule {
  register(program: Command): void;
}

/**
 * Each top-level command and the module that registers it. A module is loaded
 * only when its command runs (or for the full help): loading them all pulls in
 * the Temporal worker, the database driver and the mail parser, over a second
 * of start-up that `dondoc plan extract` or `plan validate` never use.
 * Add new modules here; commands/index.spec.ts checks the names.
 */
export const COMMAND_MODULES: Readonly<Record<string, () => Promise<CommandModule>>> = {
  up: () => import('./up.command.js'),
  plan: () => import('./plan.command.js'),
  calendar: () => import('./calendar.command.js'),
  simulate: () => import('./simulate.command.js'),
  user: () => import('./user.command.js'),
  login: () => import('./login.command.js'),
  logout: () => import('./login.command.js'),
  task: () => import('./task.command.js'),
  guidance: () => import('./guidance.command.js'),
  agency: () => import('./agency.command.js'),
  audit: () => import('./audit.command.js'),
  deliveries: () => import('./deliveries.command.js'),
  templates: () => import('./templates.command.js'),
  report: () => import('./report.command.js'),
  stats: () => import('./stats.command.js'),
};

/**
 * Registers the command named first in `args` (the arguments after the
 * script), or every command when none is named: `dondoc --help`, a typo.
 */
export async function registerCommands(program: Command, args: readonly string[] = []): Promise<void> {
  const named = args[0] !== undefined && Object.hasOwn(COMMAND_MODULES, args[0]) ? COMMAND_MODULES[args[0]] : undefined;
  const loaders = named ? [named] : [...new Set(Object.values(COMMAND_MODULES))];
  const registered = new Set<CommandModule>();
  for (const load of loaders) {
    const module = await load();
    if (registered.has(module)) continue;
    registered.add(module);
    module.register(program);
  }
}
