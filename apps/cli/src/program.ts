import { Command } from 'commander';

import { registerCommands } from './commands';

/** @param args the arguments after the script; only the command they name is loaded (all when they name none) */
export async function buildProgram(args: readonly string[] = []): Promise<Command> {
  const program = new Command('dondoc')
    .description('Đôn Đốc: deadline tracking, reminders and report collection for provincial plans')
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  await registerCommands(program, args);
  return program;
}
