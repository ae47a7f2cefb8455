import { resolveSuccessor } from '@dondoc/catalog';
import { vietnamDate } from '@dondoc/policy';
import { Injectable } from '@nestjs/common';

import { CatalogService } from '../infrastructure/catalog.service';
import type { OversightContact } from '../web-app/message-page';

/** The agency officers report to unless a plan names another (seeds: Sở KH&CN of Kon Tum, today its successor). */
export const OVERSIGHT_AGENCY = 'so-khcn';

/** Whom an officer contacts about a link or a task: the focal person of Sở KH&CN (or of its successor today). */
@Injectable()
export class OversightContactService {
  constructor(private readonly catalog: CatalogService) {}

  contact(agencyId: string = OVERSIGHT_AGENCY, now = Date.now()): OversightContact | null {
    const index = this.catalog.index;
    if (!index.agency(agencyId)) return agencyId === OVERSIGHT_AGENCY ? null : this.contact(OVERSIGHT_AGENCY, now);
    const agency = resolveSuccessor(index, agencyId, vietnamDate(now)).agency ?? index.agency(agencyId)!;
    const person = agency.focal ?? agency.head;
    return { agencyName: agency.name, name: person?.name ?? null, title: person?.title ?? null, email: person?.email ?? null, phone: person?.phone ?? null };
  }
}
