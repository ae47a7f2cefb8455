import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';

import { ApiOkOf } from '../common/api-docs';
import { Public } from '../auth/auth.decorators';
import { DependencyChecks } from './dependency-checks';

const check = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });
const readinessSchema = z.object({ status: z.enum(['ready', 'unavailable']), checks: z.object({ temporal: check, redis: check, database: check }) });

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly checks: DependencyChecks) {}

  @Get('live')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Tiến trình API còn hoạt động (liveness)' })
  @ApiOkOf(z.object({ status: z.literal('ok') }), 'The API process is up')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Sẵn sàng phục vụ: Temporal, Redis và cơ sở dữ liệu đều trả lời (readiness)' })
  @ApiOkOf(readinessSchema, 'Every dependency answered')
  @ApiOkOf(readinessSchema, 'At least one dependency failed; the body says which', HttpStatus.SERVICE_UNAVAILABLE)
  async ready(@Res({ passthrough: true }) response: Response) {
    const [temporal, redis, database] = await Promise.all([this.checks.temporal(), this.checks.redisServer(), this.checks.database()]);
    const ready = temporal.ok && redis.ok && database.ok;
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ready' : 'unavailable', checks: { temporal, redis, database } };
  }
}
