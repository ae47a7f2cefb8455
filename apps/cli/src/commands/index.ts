import type { Command } from 'commander';

/** Every command module exports `register(program)`; add new ones to this list. */
const commandModules: Array<{ register(program: Command): void }> = [];

export function registerCommands(program: Command): void {
  for (const module of commandModules) module.register(program);
}
