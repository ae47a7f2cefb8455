import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiOkOf } from '../common/api-docs';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { resetRequestedSchema, userIdSchema, userListSchema, userSchema } from './users.schemas';
import { UsersService } from './users.service';

const idPipe = new ZodValidationPipe(userIdSchema);
const IdParam = () => ApiParam({ name: 'userId', description: 'Mã tài khoản (UUID)' });

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách tài khoản cán bộ' })
  @ApiOkOf(userListSchema)
  @ApiErrors(401, 403)
  list() {
    return this.users.list();
  }

  @Post(':userId/disable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Khóa tài khoản; mọi phiên đăng nhập của tài khoản kết thúc ngay' })
  @IdParam()
  @ApiOkOf(userSchema)
  @ApiErrors(400, 401, 403, 404, 409)
  disable(@Ctx() ctx: RequestContext, @Param('userId', idPipe) id: string) {
    return this.users.setDisabled(ctx, id, true);
  }

  @Post(':userId/enable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mở khóa tài khoản' })
  @IdParam()
  @ApiOkOf(userSchema)
  @ApiErrors(400, 401, 403, 404)
  enable(@Ctx() ctx: RequestContext, @Param('userId', idPipe) id: string) {
    return this.users.setDisabled(ctx, id, false);
  }

  @Post(':userId/password-reset')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Gửi thư có đường dẫn đặt lại mật khẩu (dùng một lần, 24 giờ) đến email của tài khoản' })
  @IdParam()
  @ApiOkOf(resetRequestedSchema)
  @ApiErrors(400, 401, 403, 404, 409)
  requestReset(@Ctx() ctx: RequestContext, @Param('userId', idPipe) id: string) {
    return this.users.requestReset(ctx, id);
  }
}
