import { AgencyDirectoryRepository, changedFields, type ContactInput, type DirectoryActor, type StoredContact } from '@dondoc/db';
import { type ContactRole, InvalidInputError, NotFoundError } from '@dondoc/domain';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type { RequestContext } from '../common/request-context';
import { CatalogService } from '../infrastructure/catalog.service';
import type { ContactPatch, contactSchema } from './agencies.schemas';

export type ContactView = z.infer<typeof contactSchema>;

export const contactView = (c: StoredContact): ContactView => ({
  id: c.id,
  role: c.role,
  name: c.name,
  title: c.title,
  email: c.email,
  phone: c.phone,
  zaloUserId: c.zaloUserId,
  channels: c.channels ? [...c.channels] : null,
  quietHours: c.quietHours,
  updatedAt: c.updatedAt.toISOString(),
  updatedBy: c.updatedBy,
});

export const directoryActor = (ctx: RequestContext): DirectoryActor => ({ actor: ctx.principal.actor, role: ctx.principal.role, ip: ctx.ip, requestId: ctx.requestId });

const REQUIRED_FOR_NEW = ['name', 'title', 'email'] as const;

/** The people of each agency, as the database holds them (the notifier reads the same rows for every reminder). */
@Injectable()
export class AgencyContactsService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly repository: AgencyDirectoryRepository,
  ) {}

  async all(): Promise<Map<string, ContactView[]>> {
    const byAgency = new Map<string, ContactView[]>();
    for (const contact of (await this.repository.snapshot()).contacts) byAgency.set(contact.agencyId, [...(byAgency.get(contact.agencyId) ?? []), contactView(contact)]);
    return byAgency;
  }

  async of(agencyId: string): Promise<ContactView[]> {
    return (await this.repository.contactsOf(agencyId)).map(contactView);
  }

  /**
   * Changes the fields given of the contact named by role or id; a role the agency
   * has nobody for is created when name, title and e-mail are given. Audited with
   * the fields that changed; a patch that changes nothing writes nothing.
   */
  async update(ctx: RequestContext, agencyId: string, contact: string, patch: ContactPatch): Promise<ContactView> {
    if (!this.catalog.index.agency(agencyId)) throw new NotFoundError(`Không có cơ quan "${agencyId}" trong danh mục.`);
    const existing = await this.repository.contactsOf(agencyId);
    const byId = /^\d+$/.test(contact);
    const current = existing.find((c) => (byId ? c.id === contact : c.role === contact)) ?? null;
    if (byId && !current) throw new NotFoundError(`Cơ quan ${agencyId} không có người liên hệ mã ${contact}.`);
    const role = (current?.role ?? contact) as ContactRole;
    if (!current) {
      const missing = REQUIRED_FOR_NEW.filter((field) => patch[field] === undefined);
      if (missing.length) {
        throw new InvalidInputError(`Cơ quan ${agencyId} chưa có người liên hệ "${role}"; để thêm cần đủ họ tên, chức vụ và email.`, {
          issues: missing.map((field) => ({ field, reason: 'Bắt buộc khi thêm người liên hệ mới.' })),
        });
      }
    }
    const pick = <K extends keyof ContactPatch>(field: K, fallback: NonNullable<ContactPatch[K]> | null) => (patch[field] !== undefined ? patch[field] : fallback);
    const next: ContactInput = {
      agencyId,
      role,
      name: pick('name', current?.name ?? null)!,
      title: pick('title', current?.title ?? null)!,
      email: pick('email', current?.email ?? null)!,
      phone: pick('phone', current?.phone ?? null) ?? null,
      zaloUserId: pick('zaloUserId', current?.zaloUserId ?? null) ?? null,
      channels: pick('channels', current?.channels ? [...current.channels] : null) ?? null,
      quietHours: pick('quietHours', current?.quietHours ?? null) ?? null,
    };
    if (current && Object.keys(changedFields(current, next)).length === 0) return contactView(current);
    const { after } = await this.repository.saveContact(next, directoryActor(ctx));
    return contactView(after);
  }
}
