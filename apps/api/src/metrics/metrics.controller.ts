import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';

import { Public } from '../auth/auth.decorators';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Chỉ số Prometheus: độ trễ, nhiệm vụ theo trạng thái, thư nhắc, hàng đợi' })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'Định dạng văn bản của Prometheus', schema: { type: 'string' } })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
