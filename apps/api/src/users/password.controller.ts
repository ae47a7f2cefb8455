import { Body, Controller, HttpCode, HttpStatus, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { z } from 'zod';

import { Public } from '../auth/auth.decorators';
import { sessionSchema } from '../auth/auth.schemas';
import { ApiBodyOf, ApiErrors, ApiOkOf } from '../common/api-docs';
import { type AuthenticatedRequest, Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { PasswordService } from './password.service';
import { passwordChangeSchema, passwordResetSchema } from './users.schemas';

@ApiTags('auth')
@Controller('auth')
export class PasswordController {
  constructor(private readonly passwords: PasswordService) {}

  @Post('password')
  @ApiBearerAuth()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đổi mật khẩu của mình (cần mật khẩu hiện tại); mọi phiên cũ kết thúc, trả về phiên mới' })
  @ApiBodyOf(passwordChangeSchema)
  @ApiOkOf(sessionSchema)
  @ApiErrors(400, 401, 429)
  change(@Ctx() ctx: RequestContext, @Body(new ZodValidationPipe(passwordChangeSchema)) body: z.infer<typeof passwordChangeSchema>) {
    return this.passwords.change(ctx, body);
  }

  /** The web page at /dat-lai-mat-khau#token=… posts here. */
  @Post('password-reset')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đặt mật khẩu mới bằng mã trong thư đặt lại mật khẩu (dùng một lần); mọi phiên cũ kết thúc' })
  @ApiBodyOf(passwordResetSchema)
  @ApiOkOf(z.object({ email: z.string() }))
  @ApiErrors(400, 403, 410, 429)
  reset(@Req() request: AuthenticatedRequest, @Body(new ZodValidationPipe(passwordResetSchema)) body: z.infer<typeof passwordResetSchema>) {
    return this.passwords.reset(request, body);
  }
}
