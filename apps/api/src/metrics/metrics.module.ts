import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';

import { TasksModule } from '../tasks/tasks.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { RequestTimingMiddleware } from './request-timing.middleware';

@Module({ imports: [TasksModule], controllers: [MetricsController], providers: [MetricsService] })
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestTimingMiddleware).forRoutes('*');
  }
}
