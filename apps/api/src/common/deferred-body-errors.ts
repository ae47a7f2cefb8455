// A body that cannot be parsed (bad JSON, too large) is answered after the
// session check, not before: an unauthenticated caller learns "sign in" (401),
// never anything about what it sent, and the answer matches the OpenAPI document.
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

interface WithBodyError extends Request {
  bodyParseError?: unknown;
}

/** Express error middleware placed right after the body parsers: keeps the error and lets routing go on. */
export function deferBodyParseErrors(error: unknown, request: Request, _response: Response, next: NextFunction): void {
  (request as WithBodyError).bodyParseError = error;
  next();
}

/** Runs after the session guard: raises the parser's error for a caller that may call the route. */
@Injectable()
export class BodyParseGuard implements CanActivate {
  canActivate(execution: ExecutionContext): boolean {
    const error = execution.switchToHttp().getRequest<WithBodyError>().bodyParseError;
    if (error !== undefined) throw error;
    return true;
  }
}
