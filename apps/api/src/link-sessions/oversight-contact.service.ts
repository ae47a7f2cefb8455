import { resolveSuccessor } from '@dondoc/catalog';
import { LiveDirectory } from '@dondoc/directory';
import { vietnamDate } from '@dondoc/policy';
import { Injectable } from '@nestjs/common';

import type { OversightContact } from '../web-app/message-page';

/** The agency officers report to unless a plan names another (seeds: Sở KH&CN of Kon Tum, today its successor). */
export const OVERSIGHT_AGENCY = 'so-khcn';

/**
 * Whom an officer contacts about a link or a task: the focal person of Sở KH&CN
 * (or of its successor today), as the directory holds it now (contacts are edited
 * in the database, so a changed address shows on the next page).
 */
@Injectable()
export class OversightContactService {
  constructor(private readonly directory: LiveDirectory) {}

  async contact(agencyId: string = OVERSIGHT_AGENCY, now = Date.now()): Promise<OversightContact | null> {
    const index = await this.directory.current();
    if (!index.agency(agencyId)) return agencyId === OVERSIGHT_AGENCY ? null : this.contact(OVERSIGHT_AGENCY, now);
    const agency = resolveSuccessor(index, agencyId, vietnamDate(now)).agency ?? index.agency(agencyId)!;
    const person = agency.focal ?? agency.head;
    return { agencyName: agency.name, name: person?.name ?? null, title: person?.title ?? null, email: person?.email ?? null, phone: person?.phone ?? null };
  }
}
