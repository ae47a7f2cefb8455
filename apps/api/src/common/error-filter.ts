import { UnsafeQueryValueError } from '@dondoc/contracts';
import { InvalidPageRequestError } from '@dondoc/db';
import { DomainError, type DomainErrorKind } from '@dondoc/domain';
import { redactUrl } from '@dondoc/logging';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';

import type { AuthenticatedRequest } from './request-context';

const statusOfKind: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
  'too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'unsupported-type': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
};

/** Vietnamese text for statuses raised outside our code (router, body parser, throttler). */
const defaultMessages: Partial<Record<number, string>> = {
  400: 'Yêu cầu không hợp lệ.',
  401: 'Cần đăng nhập.',
  403: 'Không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy.',
  413: 'Nội dung gửi lên quá lớn.',
  415: 'Kiểu nội dung không được hỗ trợ.',
  429: 'Quá nhiều yêu cầu; vui lòng thử lại sau ít phút.',
  500: 'Lỗi hệ thống; vui lòng báo mã lỗi cho quản trị viên.',
};

interface Mapped {
  readonly status: number;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Errors the body parser raises carry a status and a type (e.g. "entity.too.large"). */
interface BodyParserError {
  readonly type: string;
  readonly status: number;
}
const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string' && typeof (error as BodyParserError).status === 'number';

export function mapError(error: unknown): Mapped {
  if (error instanceof DomainError) return { status: statusOfKind[error.kind], message: error.message, ...(error.details ? { details: error.details } : {}) };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { status, message: defaultMessages[status] ?? error.message };
  }
  if (isBodyParserError(error) && error.status >= 400 && error.status < 500) {
    const message = error.type === 'entity.parse.failed' ? 'Nội dung JSON không đọc được.' : (defaultMessages[error.status] ?? 'Yêu cầu không hợp lệ.');
    return { status: error.status, message, details: { type: error.type } };
  }
  if (error instanceof UnsafeQueryValueError || error instanceof InvalidPageRequestError) return { status: HttpStatus.BAD_REQUEST, message: error.message };
  // Safety nets: services translate these themselves, with better messages.
  if (error instanceof WorkflowNotFoundError) return { status: HttpStatus.NOT_FOUND, message: 'Không tìm thấy nhiệm vụ.' };
  if (error instanceof WorkflowUpdateFailedError) return { status: HttpStatus.CONFLICT, message: error.cause?.message ?? error.message };
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, message: defaultMessages[500]! };
}

const codes: Record<number, string> = {
  400: 'invalid-input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'gone',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  500: 'internal',
};

/**
 * One error body for every failure: status, code, Vietnamese message and an
 * error id that is also in the log line, so a user's report finds the cause.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<AuthenticatedRequest>();
    const { status, message, details } = mapError(error);
    const errorId = randomUUID();
    const logged = { errorId, status, requestId: request.id, method: request.method, url: redactUrl(request.originalUrl) };
    if (status >= 500) this.logger.error({ ...logged, err: error }, error instanceof Error ? error.stack : String(error));
    // A client's mistake (a bad field, an expired session) is the caller's news, not the operator's: info, in the logs.
    else this.logger.log(logged, message);
    if (response.headersSent) return;
    // A route's own type (e.g. text/calendar from @Header) may already be set; an error is JSON regardless.
    response.status(status).type('application/json').json({ statusCode: status, error: codes[status] ?? 'error', message, errorId, ...(details ? { details } : {}) });
  }
}
