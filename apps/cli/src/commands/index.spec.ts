import { Command } from 'commander';

import { buildProgram } from '../program';
import { COMMAND_MODULES } from './index';

const topLevel = (program: Command) => program.commands.map((c) => c.name()).sort();

describe('command modules loaded on demand', () => {
  it('names each top-level command by the module that registers it, and leaves none out', async () => {
    const registered: string[] = [];
    for (const [name, load] of Object.entries(COMMAND_MODULES)) {
      const program = new Command();
      (await load()).register(program);
      expect(topLevel(program)).toContain(name);
      registered.push(...topLevel(program));
    }
    expect([...new Set(registered)].sort()).toEqual(Object.keys(COMMAND_MODULES).sort());
  });

  it('registers only the command named on the command line, and every command for the help or a typo', async () => {
    expect(topLevel(await buildProgram(['plan', 'extract', 'ke-hoach.pdf']))).toEqual(['plan']);
    expect(topLevel(await buildProgram(['logout']))).toEqual(['login', 'logout']);
    const all = Object.keys(COMMAND_MODULES).sort();
    expect(topLevel(await buildProgram(['--help']))).toEqual(all);
    expect(topLevel(await buildProgram(['pln']))).toEqual(all);
    expect(topLevel(await buildProgram([]))).toEqual(all);
  });
});
