import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { PasswordResetMailer } from './password-reset-mail';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [AuthModule], controllers: [UsersController, PasswordController], providers: [UsersService, PasswordService, PasswordResetMailer] })
export class UsersModule {}
