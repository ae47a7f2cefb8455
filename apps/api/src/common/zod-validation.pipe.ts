import { InvalidInputError } from '@dondoc/domain';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "newDue" or "taskIds.2"; "(body)" for the whole input. */
  readonly field: string;
  readonly reason: string;
}

/** Zod's issues as the 400 response lists them: which field, and why (in Vietnamese). */
export function fieldIssues(error: z.ZodError, argument?: string): FieldIssue[] {
  return error.issues.map((issue) => ({ field: [argument, ...issue.path].filter((p) => p !== undefined).join('.') || '(body)', reason: issue.message }));
}

/**
 * Validates one argument (body, query or param) against a zod schema and hands
 * the parsed value on, so controllers only ever see valid, typed input.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, metadata?: ArgumentMetadata): z.infer<S> {
    // A single path parameter (@Param('workflowId')) is named by its argument; whole bodies and queries by their fields.
    const result = this.schema.safeParse(value ?? (metadata?.data ? value : {}));
    if (result.success) return result.data;
    const issues = fieldIssues(result.error, metadata?.data);
    throw new InvalidInputError(`Dữ liệu không hợp lệ: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`, { issues });
  }
}
