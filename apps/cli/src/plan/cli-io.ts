// The edge where plan commands touch the machine: reading files, printing,
// the terminal width and today's date. Commands take it as a parameter so
// tests run them in memory and check the output and exit code.
import * as fs from 'node:fs';

import type { IsoDate } from '@dondoc/domain';

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

export interface CliIo {
  readFile(path: string): ReadResult;
  out(text: string): void;
  err(text: string): void;
  /** Width available for tables. */
  readonly columns: number;
  /** Today in Vietnam, for "who holds this task now". */
  today(): IsoDate;
}

export function nodeIo(): CliIo {
  return {
    readFile(path) {
      try {
        return { ok: true, text: fs.readFileSync(path, 'utf8') };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'không có tệp này' : code === 'EISDIR' ? 'đây là thư mục' : String(error);
        return { ok: false, reason };
      }
    },
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    columns: process.stdout.columns ?? 120,
    today: () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()),
  };
}
