// Reads seeds/calendar from disk: the only I/O in this library. Node's
// built-ins are fetched with process.getBuiltinModule at call time rather than
// imported, so `@dondoc/calendar` keeps no static import of `fs`/`path` and
// stays bundleable for Temporal's workflow sandbox, where calling these
// functions fails with a clear message instead.
import { CalendarOverridesError } from './overrides-error';
import { parseCalendarOverrides } from './overrides-parse';
import type { CalendarOverrides } from './overrides.schema';

/** Files the directory loader reads: one per year, e.g. `2025.yaml`. */
const YEAR_FILE = /^(\d{4})\.ya?ml$/;

/** Reads and validates one overrides file; throws {@link CalendarOverridesError} naming the file. */
export function loadCalendarOverridesFile(filePath: string): CalendarOverrides {
  const { fs } = nodeBuiltins();
  return parseCalendarOverrides(fs.readFileSync(filePath, 'utf8'), filePath);
}

/**
 * Reads every `<year>.yaml` in a directory (other files, such as a README, are
 * skipped), checking that each file's `year` matches its name.
 */
export function loadCalendarOverridesDir(directory: string): CalendarOverrides[] {
  const { fs, path } = nodeBuiltins();
  return fs
    .readdirSync(directory)
    .filter((name) => YEAR_FILE.test(name))
    .sort()
    .map((name) => {
      const filePath = path.join(directory, name);
      const overrides = loadCalendarOverridesFile(filePath);
      const named = Number(YEAR_FILE.exec(name)?.[1]);
      if (overrides.year !== named) {
        throw new CalendarOverridesError(filePath, [
          { path: 'year', message: `tệp ${name} phải khai báo year: ${named}, không phải ${overrides.year}` },
        ]);
      }
      return overrides;
    });
}

function nodeBuiltins(): { fs: typeof import('node:fs'); path: typeof import('node:path') } {
  if (typeof process === 'undefined' || typeof process.getBuiltinModule !== 'function') {
    throw new Error('reading calendar overrides needs Node.js; in workflow code pass already parsed overrides');
  }
  return { fs: process.getBuiltinModule('node:fs'), path: process.getBuiltinModule('node:path') };
}
