import { Controller, Get, HttpStatus, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Public } from '../auth/auth.decorators';
import { renderMessagePage } from './message-page';
import { readIndexHtml } from './web-app.files';

/**
 * The web application's pages: any GET a browser makes that no API route
 * answered gets index.html, and the client-side router shows the page. Clients
 * that ask for JSON (curl, fetch, the CLI) still get the API's 404. Registered
 * last (WebAppModule is the last import of AppModule), so API routes keep their paths.
 */
@ApiExcludeController()
@Public()
@Controller()
export class WebAppController {
  private index: string | null | undefined;

  @Get('{*path}')
  page(@Req() request: Request, @Res() response: Response): void {
    if (request.accepts(['json', 'html']) !== 'html') throw new NotFoundException();
    this.index ??= readIndexHtml();
    if (this.index === null) {
      this.index = undefined; // a build made while the API runs is picked up on the next request
      response
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .type('html')
        .send(renderMessagePage({ title: 'Ứng dụng web chưa sẵn sàng', message: 'Ứng dụng web chưa được build trên máy chủ này (npm run build). API vẫn hoạt động tại /docs.' }));
      return;
    }
    response.status(HttpStatus.OK).type('html').setHeader('Cache-Control', 'no-cache').send(this.index);
  }
}
