import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Reminders sent before /l/<token> linked to /links/<purpose>?token=…; a
 * browser opening one is sent to the page for it, while API clients keep the
 * JSON preview they had.
 */
@Injectable()
export class LegacyLinkMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const token = request.query.token;
    if (request.method !== 'GET' || typeof token !== 'string' || !token || request.accepts(['json', 'html']) !== 'html') return next();
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(303, `/l/${encodeURIComponent(token)}`);
  }
}
