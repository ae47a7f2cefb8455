#!/usr/bin/env node
// `dondoc`: the operators' command line. Each command lives in commands/ and
// registers itself on the program; this file only assembles them.
import { buildProgram } from './program';

buildProgram(process.argv.slice(2))
  .then((program) => program.parseAsync(process.argv))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
