import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import { MetricsService } from './metrics.service';

/** Times every request, labelled by its route pattern (not the raw URL, which would explode the label set). */
@Injectable()
export class RequestTimingMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const end = this.metrics.requestDuration.startTimer();
    response.once('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      end({ method: request.method, route: `${request.baseUrl}${route}`, status: String(response.statusCode) });
    });
    next();
  }
}
