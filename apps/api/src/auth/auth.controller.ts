import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { z } from 'zod';

import { ApiBodyOf, ApiErrors, ApiOkOf } from '../common/api-docs';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { Public } from './auth.decorators';
import { loginSchema, meSchema, sessionSchema } from './auth.schemas';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đăng nhập bằng email và mật khẩu; trả về mã phiên (JWT)' })
  @ApiBodyOf(loginSchema)
  @ApiOkOf(sessionSchema)
  @ApiErrors(400, 401, 429)
  login(@Body(new ZodValidationPipe(loginSchema)) body: z.infer<typeof loginSchema>) {
    return this.auth.login(body.email, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Người đang đăng nhập' })
  @ApiOkOf(meSchema)
  @ApiErrors(401)
  me(@Ctx() ctx: RequestContext): z.infer<typeof meSchema> {
    return { actor: ctx.principal.actor, role: ctx.principal.role, agencyId: ctx.principal.agencyId };
  }
}
