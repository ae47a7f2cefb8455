// Both plan commands check agency ids against the directory, seeds/agencies.yaml
// unless told otherwise.
import { loadAgencyDirectory, type DirectoryLoadResult } from '@dondoc/catalog';

import type { CliIo } from './cli-io';

export const DEFAULT_AGENCIES_FILE = 'seeds/agencies.yaml';

/** `--agencies <file>`, or false for `--no-agencies`. */
export type AgenciesOption = string | false;

export type DirectoryRead =
  | { readonly status: 'skipped' }
  | { readonly status: 'unreadable'; readonly message: string }
  | { readonly status: 'loaded'; readonly file: string; readonly result: DirectoryLoadResult };

export function readDirectory(option: AgenciesOption, io: CliIo): DirectoryRead {
  if (option === false) return { status: 'skipped' };
  const read = io.readFile(option);
  if (!read.ok) {
    return {
      status: 'unreadable',
      message: `không đọc được danh mục cơ quan ${option} (${read.reason}); chỉ định tệp khác bằng --agencies <tệp>, hoặc bỏ kiểm tra mã cơ quan bằng --no-agencies`,
    };
  }
  return { status: 'loaded', file: option, result: loadAgencyDirectory({ file: option, text: read.text }) };
}
