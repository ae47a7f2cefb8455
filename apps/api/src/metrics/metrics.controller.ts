import { UnauthenticatedError } from '@dondoc/domain';
import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';

import { AppConfigService } from '../app-config.service';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-docs';
import { MetricsService } from './metrics.service';

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfigService,
  ) {}

  /** Not a staff session: Prometheus sends METRICS_TOKEN as its bearer token (required in production). */
  @Get()
  @Public()
  @ApiBearerAuth()
  @ApiErrors(401)
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Chỉ số Prometheus: độ trễ, nhiệm vụ theo trạng thái, thư nhắc, hàng đợi' })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'Định dạng văn bản của Prometheus', schema: { type: 'string' } })
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const token = this.config.values.METRICS_TOKEN;
    if (token !== undefined && !sameText(authorization ?? '', `Bearer ${token}`)) throw new UnauthenticatedError('Cần mã truy cập chỉ số (METRICS_TOKEN) trong phần đầu Authorization: Bearer.');
    return this.metrics.registry.metrics();
  }
}
