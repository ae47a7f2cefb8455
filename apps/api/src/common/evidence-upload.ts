// An evidence file sent as the raw request body, its name URL-encoded in
// X-File-Name: the name and type are checked before the body is read, and the
// body is read only up to the per-file limit. Shared by report and task evidence.
import { TooLargeError } from '@dondoc/domain';
import { checkEvidenceHeaders, EVIDENCE_FILE_LIMIT, type EvidenceUpload } from '@dondoc/reports-service';
import type { Request } from 'express';

/**
 * The request body up to the per-file limit. Past it the rest is drained, not
 * kept, so the client still reads the 413 rather than a reset connection.
 */
function readBody(request: Request, fileName: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= EVIDENCE_FILE_LIMIT) chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      if (size > EVIDENCE_FILE_LIMIT) reject(new TooLargeError(`Tệp minh chứng "${fileName}" vượt quá ${EVIDENCE_FILE_LIMIT / 1024 / 1024} MB; vui lòng nén hoặc chia nhỏ tệp.`, { limitBytes: EVIDENCE_FILE_LIMIT }));
      else resolve(Buffer.concat(chunks));
    });
  });
}

/** The upload in the request, checked up to its content (which the storing service checks). */
export async function readEvidenceUpload(request: Request): Promise<EvidenceUpload> {
  const encoded = request.header('x-file-name');
  let fileName: string | undefined;
  try {
    fileName = encoded === undefined ? undefined : decodeURIComponent(encoded);
  } catch {
    fileName = encoded; // not percent-encoded: checked as it is
  }
  const length = request.header('content-length');
  const checked = checkEvidenceHeaders(fileName, request.header('content-type'), length === undefined ? undefined : Number(length));
  return { ...checked, data: await readBody(request, checked.fileName) };
}

/** Whatever the outcome, the rest of the body is read off the socket. */
export function drainRequest(request: Request): void {
  if (!request.readableEnded) request.resume();
}
