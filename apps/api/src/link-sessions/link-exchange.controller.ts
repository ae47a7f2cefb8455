import { type ArgumentsHost, Catch, Controller, type ExceptionFilter, Get, Param, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Throttle, ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';

import { Public } from '../auth/auth.decorators';
import { renderMessagePage } from '../web-app/message-page';
import { LinkExchangeService } from './link-exchange.service';
import { LINK_SESSION_COOKIE, LinkSessionTokens } from './link-session.tokens';
import { OversightContactService } from './oversight-contact.service';

/** Whatever goes wrong behind /l/<token> is answered as a page a person can read, never JSON or a stack trace. */
@Catch()
class LinkPageFilter implements ExceptionFilter {
  constructor(private readonly contacts: OversightContactService) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const busy = error instanceof ThrottlerException;
    const page = busy
      ? { title: 'Quá nhiều lượt mở đường dẫn', message: 'Có quá nhiều lượt mở đường dẫn từ mạng của bạn trong ít phút; vui lòng thử lại sau ít phút.' }
      : { title: 'Không mở được đường dẫn', message: 'Hệ thống đang gặp sự cố khi mở đường dẫn này; vui lòng thử lại sau ít phút.' };
    if (!busy) host.switchToHttp().getRequest<{ log?: { error(o: unknown, m: string): void } }>().log?.error({ err: error }, 'link page failed');
    const contact = await this.contacts.contact().catch(() => null);
    if (response.headersSent) return;
    response.status(busy ? 429 : 500).type('html').send(renderMessagePage({ ...page, contact }));
  }
}

/**
 * GET /l/<token>, the address in every reminder: checks the link, exchanges
 * it for a session cookie and sends the browser on to the officer's page (303),
 * so the token stays in neither the address bar nor the history. Opening
 * acts on nothing and uses nothing up.
 */
@ApiExcludeController()
@Public()
@UseGuards(ThrottlerGuard)
@Throttle({ default: { limit: 20, ttl: 60_000 } })
@UseFilters(LinkPageFilter)
@Controller('l')
export class LinkExchangeController {
  constructor(
    private readonly exchange: LinkExchangeService,
    private readonly tokens: LinkSessionTokens,
  ) {}

  @Get(':token')
  async open(@Param('token') token: string, @Res() response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    const opened = await this.exchange.open(token);
    if (!opened.ok) {
      response.status(opened.status).type('html').send(renderMessagePage(opened.page));
      return;
    }
    response.cookie(LINK_SESSION_COOKIE, opened.cookie, this.tokens.cookieOptions(opened.session));
    response.redirect(303, opened.location);
  }
}
