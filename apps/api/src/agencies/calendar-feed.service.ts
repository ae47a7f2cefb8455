import { ForbiddenError, NotFoundError } from '@dondoc/domain';
import { createLinkToken } from '@dondoc/links';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { AppConfigService } from '../app-config.service';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { CatalogService } from '../infrastructure/catalog.service';
import { linkPrincipal, LinksService } from '../links/links.service';
import type { calendarLinkSchema } from './agencies.schemas';
import { AgenciesService } from './agencies.service';

/**
 * Validity of a calendar subscription link. Calendar apps keep a feed URL for
 * good, so it outlives reminder links; removing its key from LINK_SIGNING_KEYS revokes every one.
 * @defaultValue 365 days
 */
export const CALENDAR_FEED_TTL_DAYS = 365;

const subjectOf = (agencyId: string) => `calendar/${agencyId}`;

/** Deadline feeds a calendar app can subscribe to: the Bearer session replaced by a signed, reusable link. */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly config: AppConfigService,
    private readonly catalog: CatalogService,
    private readonly links: LinksService,
    private readonly agencies: AgenciesService,
    private readonly audit: AuditService,
  ) {}

  /** A new subscription link for the agency: admins for any agency, officers for their own. */
  async issue(ctx: RequestContext, agencyId: string): Promise<z.infer<typeof calendarLinkSchema>> {
    if (!this.catalog.index.agency(agencyId)) throw new NotFoundError(`Không có cơ quan "${agencyId}".`);
    if (ctx.principal.role === 'officer' && ctx.principal.agencyId !== agencyId) throw new ForbiddenError('Cán bộ chỉ lấy được đường dẫn lịch của cơ quan mình.');
    const base = this.config.values.PUBLIC_BASE_URL;
    const secret = this.config.linkKeys();
    const expiresAt = Date.now() + CALENDAR_FEED_TTL_DAYS * 86_400_000;
    const token = createLinkToken({ purpose: 'calendar-feed', subject: subjectOf(agencyId), agencyId, exp: Math.floor(expiresAt / 1000) }, secret);
    await this.audit.record(ctx, 'agency.calendar-link', `agency/${agencyId}`, { expiresAt: new Date(expiresAt).toISOString() });
    return {
      agencyId,
      url: `${base.replace(/\/$/, '')}/agencies/${encodeURIComponent(agencyId)}/deadlines.ics?token=${token}`,
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  /** The feed behind a link: forged, tampered or another agency's link is 403, an expired one 401. */
  feed(token: string, agencyId: string): Promise<string> {
    const claims = this.links.verify(token, 'calendar-feed');
    if (claims.agencyId !== agencyId || claims.subject !== subjectOf(agencyId)) throw new ForbiddenError('Đường dẫn lịch này thuộc cơ quan khác.');
    return this.agencies.deadlinesIcs(linkPrincipal(claims), agencyId);
  }
}
