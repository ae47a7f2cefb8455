import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '@dondoc/config';
import { REDACTION, redactRequest, redactResponse } from '@dondoc/logging';
import { LoggerModule } from 'nestjs-pino';

import { AgenciesModule } from './agencies/agencies.module';
import { AppConfigService } from './app-config.service';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ErrorFilter } from './common/error-filter';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { GuidanceModule } from './guidance/guidance.module';
import { DependencyChecks } from './health/dependency-checks';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { RedisThrottlerStorage } from './infrastructure/redis-throttler-storage';
import { LinkSessionsModule } from './link-sessions/link-sessions.module';
import { LinksModule } from './links/links.module';
import { MetricsModule } from './metrics/metrics.module';
import { PlansModule } from './plans/plans.module';
import { ReportsModule } from './reports/reports.module';
import { StatsModule } from './stats/stats.module';
import { TasksModule } from './tasks/tasks.module';
import { UsersModule } from './users/users.module';
import { WebAppModule } from './web-app/web-app.module';

/** Provides the validated configuration to every module (InfrastructureModule builds connections from it). */
@Module({})
class ConfigModule {
  static forConfig(config: AppConfig): DynamicModule {
    return { module: ConfigModule, global: true, providers: [{ provide: AppConfigService, useValue: new AppConfigService(config) }], exports: [AppConfigService] };
  }
}

@Module({})
export class AppModule {
  /** Built from an already validated configuration, so a bad variable never surfaces as a crash inside Nest. */
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Request ids: honour an incoming x-request-id, else generate one; echoed back in the response.
            genReqId: (request, response) => {
              const id = (request.headers['x-request-id'] as string | undefined) ?? crypto.randomUUID();
              response.setHeader('x-request-id', id);
              return id;
            },
            autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
            // Tokens travel in headers, link query strings and link paths: none belongs in logs (libs/logging).
            redact: { ...REDACTION, paths: [...REDACTION.paths] },
            serializers: { req: redactRequest, res: redactResponse },
          },
        }),
        // Limits are set per endpoint (@Throttle); only the public ones (login, links, feeds) use the guard. Counters live in
        // Redis, shared by every API replica, keyed on the client address (TRUST_PROXY decides which address that is).
        ThrottlerModule.forRootAsync({
          inject: [RedisThrottlerStorage],
          useFactory: (storage: RedisThrottlerStorage) => ({ throttlers: [{ name: 'default', ttl: 60_000, limit: 60 }], storage }),
        }),
        InfrastructureModule,
        AuditModule,
        AuthModule,
        TasksModule,
        StatsModule,
        GuidanceModule,
        PlansModule,
        AgenciesModule,
        DeliveriesModule,
        LinksModule,
        MetricsModule,
        ReportsModule,
        UsersModule,
        LinkSessionsModule,
        // Last: its catch-all page route must come after every API route.
        WebAppModule,
      ],
      controllers: [HealthController],
      providers: [DependencyChecks, { provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
