import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@dondoc/config';
import { LoggerModule } from 'nestjs-pino';

import { AppConfigService } from './app-config.service';
import { DependencyChecks } from './health/dependency-checks';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  /** Built from an already validated configuration, so a bad variable never surfaces as a crash inside Nest. */
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
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
          },
        }),
      ],
      controllers: [HealthController],
      providers: [{ provide: AppConfigService, useValue: new AppConfigService(config) }, DependencyChecks],
    };
  }
}
