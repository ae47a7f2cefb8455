// POST /plans/extract: an uploaded plan document turned into a draft catalog
// entry and its report. Nothing is stored: the admin reviews the draft, then
// imports it with POST /plans. The body is the file itself, read up to the
// extraction limit; what cannot be read is a 4xx saying why.
import { InvalidInputError, TooLargeError, UnsupportedTypeError } from '@dondoc/domain';
import { DEFAULT_EXTRACTION_LIMITS, extractPlan, ExtractionError, formatBytes, REVIEW_BELOW } from '@dondoc/plan-extract';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { z } from 'zod';

import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { CatalogService } from '../infrastructure/catalog.service';
import type { planExtractResultSchema } from './plans.schemas';

export const EXTRACT_LIMIT_BYTES = DEFAULT_EXTRACTION_LIMITS.maxBytes;

@Injectable()
export class PlanExtractService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
  ) {}

  async extract(ctx: RequestContext, request: Request): Promise<z.infer<typeof planExtractResultSchema>> {
    const fileName = fileNameOf(request);
    const declared = Number(request.header('content-length') ?? NaN);
    if (declared > EXTRACT_LIMIT_BYTES) {
      request.resume();
      throw new TooLargeError(`Tệp ${fileName} nặng ${formatBytes(declared)}, quá giới hạn ${formatBytes(EXTRACT_LIMIT_BYTES)}.`, { limitBytes: EXTRACT_LIMIT_BYTES });
    }
    const bytes = await readBody(request, fileName);
    try {
      const result = await extractPlan({ bytes, fileName }, { directory: this.catalog.directory, currentYear: new Date().getUTCFullYear() });
      await this.audit.record(ctx, 'plan.extract', `plan/${result.draft.plan.id}`, { fileName, sizeBytes: bytes.length, tasks: result.draft.plan.groups.reduce((n, g) => n + g.tasks.length, 0) });
      return {
        fileName,
        kind: result.source.kind,
        pages: result.source.pages,
        draftYaml: result.draft.yaml,
        plan: result.draft.plan as unknown as Record<string, unknown>,
        valid: result.validation.valid,
        diagnostics: result.validation.diagnostics.map((d) => ({ path: d.path, line: d.line, severity: d.severity, message: d.message })),
        fields: result.fields.map((f) => ({ path: f.path.map(String).join('.'), taskId: f.taskId, field: f.field, confidence: f.confidence, note: f.note, review: f.confidence < REVIEW_BELOW })),
        unresolvedAgencies: result.unresolvedAgencies.map((a) => ({ name: a.name, taskIds: [...a.taskIds] })),
        notes: [...result.notes],
        report: result.reportText,
      };
    } catch (error) {
      if (!(error instanceof ExtractionError)) throw error;
      if (error.code === 'too-large') throw new TooLargeError(error.message, { code: error.code });
      if (error.code === 'unsupported-format') throw new UnsupportedTypeError(error.message, { code: error.code });
      throw new InvalidInputError(error.message, { code: error.code, issues: [{ field: '(body)', reason: error.message }] });
    }
  }
}

function fileNameOf(request: Request): string {
  const encoded = request.header('x-file-name');
  if (!encoded) return 'ke-hoach';
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** The raw body up to the limit (text/plain was already read by the text parser). */
function readBody(request: Request, fileName: string): Promise<Uint8Array> {
  if (typeof request.body === 'string') return Promise.resolve(new TextEncoder().encode(request.body));
  if (Buffer.isBuffer(request.body)) return Promise.resolve(new Uint8Array(request.body));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= EXTRACT_LIMIT_BYTES) chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      if (size > EXTRACT_LIMIT_BYTES) reject(new TooLargeError(`Tệp ${fileName} vượt quá ${formatBytes(EXTRACT_LIMIT_BYTES)}.`, { limitBytes: EXTRACT_LIMIT_BYTES }));
      else if (size === 0) reject(new InvalidInputError('Cần gửi nội dung tệp kế hoạch (PDF, DOCX hoặc văn bản) trong thân yêu cầu.', { issues: [{ field: '(body)', reason: 'rỗng' }] }));
      else resolve(new Uint8Array(Buffer.concat(chunks)));
    });
  });
}
