import { Module } from '@nestjs/common';

import { WebAppController } from './web-app.controller';

/** Must stay the last module AppModule imports: its catch-all route comes after every API route. */
@Module({ controllers: [WebAppController] })
export class WebAppModule {}
