// Why a document cannot be read at all. Each kind has its own code so the CLI
// and the API can say exactly what is wrong and what to do, and nothing is
// written when one is raised.

export type ExtractionErrorCode =
  | 'too-large'
  | 'empty'
  | 'unsupported-format'
  | 'malformed'
  | 'encrypted'
  | 'no-text-layer'
  | 'legacy-encoding'
  | 'no-task-table';

export class ExtractionError extends Error {
  override readonly name = 'ExtractionError';

  constructor(
    readonly code: ExtractionErrorCode,
    /** Vietnamese, for the admin who uploaded the file. */
    message: string,
  ) {
    super(message);
  }
}

/** Limits of one extraction; the API and the CLI share them. */
export interface ExtractionLimits {
  /** Largest file accepted, in bytes. @defaultValue 20 MiB */
  readonly maxBytes: number;
  /** Most pages read from a PDF. @defaultValue 300 */
  readonly maxPages: number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = { maxBytes: 20 * 1024 * 1024, maxPages: 300 };

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
