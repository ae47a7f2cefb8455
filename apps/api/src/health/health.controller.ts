import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '../auth/auth.decorators';
import { DependencyChecks } from './dependency-checks';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly checks: DependencyChecks) {}

  @Get('live')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ description: 'The API process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: Temporal, Redis and the database answer' })
  @ApiOkResponse({ description: 'Every dependency answered' })
  @ApiServiceUnavailableResponse({ description: 'At least one dependency failed; the body says which' })
  async ready(@Res({ passthrough: true }) response: Response) {
    const [temporal, redis, database] = await Promise.all([this.checks.temporal(), this.checks.redisServer(), this.checks.database()]);
    const ready = temporal.ok && redis.ok && database.ok;
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ready' : 'unavailable', checks: { temporal, redis, database } };
  }
}
