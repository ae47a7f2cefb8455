import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';

import { AppConfigService } from '../app-config.service';
import { BodyParseGuard } from '../common/deferred-body-errors';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionGuard } from './session.guard';

@Module({
  imports: [
    JwtModule.registerAsync({
      global: true,
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => {
        const secret = config.values.JWT_SECRET;
        if (!secret) throw new Error('JWT_SECRET is not set (npm start generates a development secret)');
        return { secret, signOptions: { algorithm: 'HS256', issuer: 'dondoc' }, verifyOptions: { algorithms: ['HS256'], issuer: 'dondoc' } };
      },
    }),
  ],
  controllers: [AuthController],
  // In this order: who is calling, then what they sent.
  providers: [AuthService, { provide: APP_GUARD, useClass: SessionGuard }, { provide: APP_GUARD, useClass: BodyParseGuard }],
  exports: [AuthService],
})
export class AuthModule {}
