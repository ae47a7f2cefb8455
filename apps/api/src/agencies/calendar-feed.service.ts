import { CalendarLinkRepository } from '@dondoc/db';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@dondoc/domain';
import { createLinkToken } from '@dondoc/links';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
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
    private readonly calendarLinks: CalendarLinkRepository,
  ) {}

  /** A new subscription link for the agency: admins for any agency, officers for their own. */
  async issue(ctx: RequestContext, agencyId: string): Promise<z.infer<typeof calendarLinkSchema>> {
    if (!this.catalog.index.agency(agencyId)) throw new NotFoundError(`Không có cơ quan "${agencyId}".`);
    if (ctx.principal.role === 'officer' && ctx.principal.agencyId !== agencyId) throw new ForbiddenError('Cán bộ chỉ lấy được đường dẫn lịch của cơ quan mình.');
    const base = this.config.values.PUBLIC_BASE_URL;
    const secret = this.config.linkKeys();
    const expiresAt = Date.now() + CALENDAR_FEED_TTL_DAYS * 86_400_000;
    // The nonce is the link's id: the one an admin names to revoke it.
    const id = randomBytes(16).toString('base64url');
    const token = createLinkToken({ purpose: 'calendar-feed', subject: subjectOf(agencyId), agencyId, exp: Math.floor(expiresAt / 1000), nonce: id }, secret);
    await this.calendarLinks.record({ id, agencyId, token, createdBy: ctx.principal.actor, expiresAt: new Date(expiresAt) });
    await this.audit.record(ctx, 'agency.calendar-link', `agency/${agencyId}`, { linkId: id, expiresAt: new Date(expiresAt).toISOString() });
    return {
      id,
      agencyId,
      url: `${base.replace(/\/$/, '')}/agencies/${encodeURIComponent(agencyId)}/deadlines.ics?token=${token}`,
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  /** The feed behind a link: forged, tampered or another agency's link is 403, an expired one 401. */
  async feed(token: string, agencyId: string): Promise<string> {
    const claims = this.links.verify(token, 'calendar-feed');
    if (claims.agencyId !== agencyId || claims.subject !== subjectOf(agencyId)) throw new ForbiddenError('Đường dẫn lịch này thuộc cơ quan khác.');
    const recorded = await this.calendarLinks.check(claims.nonce, agencyId, token);
    if (recorded === 'revoked') throw new UnauthenticatedError('Đường dẫn lịch này đã bị thu hồi; hãy lấy đường dẫn mới trong trang của cơ quan.', { reason: 'revoked' });
    if (recorded === 'unknown') throw new UnauthenticatedError('Đường dẫn lịch này không còn hiệu lực; hãy lấy đường dẫn mới trong trang của cơ quan.', { reason: 'unknown-link' });
    return this.agencies.deadlinesIcs(linkPrincipal(claims), agencyId);
  }

  /** The agency's calendar links, newest first (no token: only its hash is kept). */
  async list(ctx: RequestContext, agencyId: string) {
    this.mayManage(ctx, agencyId);
    return { items: (await this.calendarLinks.list(agencyId)).map((link) => ({ ...link, createdAt: link.createdAt.toISOString(), expiresAt: link.expiresAt.toISOString(), lastUsedAt: link.lastUsedAt?.toISOString() ?? null, revokedAt: link.revokedAt?.toISOString() ?? null })) };
  }

  /** Revokes one link; the agency's other links, and other agencies' feeds, keep working. */
  async revoke(ctx: RequestContext, agencyId: string, linkId: string): Promise<void> {
    this.mayManage(ctx, agencyId);
    if (!(await this.calendarLinks.revoke(linkId, agencyId, ctx.principal.actor))) throw new NotFoundError(`Cơ quan ${agencyId} không có đường dẫn lịch ${linkId} đang hiệu lực.`);
    await this.audit.record(ctx, 'agency.calendar-link-revoke', `agency/${agencyId}`, { linkId });
  }

  private mayManage(ctx: RequestContext, agencyId: string): void {
    if (!this.catalog.index.agency(agencyId)) throw new NotFoundError(`Không có cơ quan "${agencyId}".`);
    if (ctx.principal.role === 'officer' && ctx.principal.agencyId !== agencyId) throw new ForbiddenError('Cán bộ chỉ quản lý đường dẫn lịch của cơ quan mình.');
  }
}
