import { Command } from 'commander';

import { registerCommands } from './commands';

export function buildProgram(): Command {
  const program = new Command('dondoc')
    .description('Đôn Đốc: deadline tracking, reminders and report collection for provincial plans')
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerCommands(program);
  return program;
}
