import { AgencyIndex, resolveSuccessor } from '@dondoc/catalog';
import type { DirectorySnapshot, StoredContact } from '@dondoc/db';
import type { Agency, AgencyDirectory } from '@dondoc/domain';

import { planContactImport } from './contact-import';
import { contactsOfDirectory, overlayDirectory } from './overlay';

const agency = (id: string, extra: Partial<Agency> = {}): Agency => ({
  id,
  code: id.toUpperCase(),
  name: `Cơ quan ${id}`,
  kind: 'department',
  aliases: [],
  head: { name: `Giám đốc ${id}`, title: 'Giám đốc', email: `gd@${id}.example`, phone: '0900000001' },
  focal: { name: `Chuyên viên ${id}`, title: 'Chuyên viên', email: `cv@${id}.example`, phone: null },
  preferences: { channels: ['email', 'zalo'], quietHours: { from: '11:30', to: '13:30' } },
  ...extra,
});

const base: AgencyDirectory = { agencies: [agency('so-a'), agency('so-b', { preferences: null })], groups: [], reorganisations: [] };

const stored = (overrides: Partial<StoredContact>): StoredContact => ({
  id: '1',
  agencyId: 'so-a',
  role: 'focal',
  name: 'Người mới',
  title: 'Chuyên viên chính',
  email: 'moi@so-a.example',
  phone: '0911111111',
  zaloUserId: '123456789',
  channels: ['email'],
  quietHours: null,
  updatedAt: new Date(0),
  updatedBy: 'admin@skhcn.example',
  ...overrides,
});

const snapshot = (contacts: StoredContact[], extra: Partial<DirectorySnapshot> = {}): DirectorySnapshot => ({ revision: '1', seeded: true, contacts, merges: [], ...extra });

describe(overlayDirectory.name, () => {
  it('keeps the seeds’ contacts until the database has been seeded', () => {
    const directory = overlayDirectory(base, snapshot([], { seeded: false }));
    expect(directory.agencies[0]!.focal!.email).toBe('cv@so-a.example');
  });

  it('takes every contact from the database once seeded: a role without a row has nobody', () => {
    const directory = overlayDirectory(base, snapshot([stored({})]));
    const [a, b] = directory.agencies;
    expect(a!.focal).toEqual({ name: 'Người mới', title: 'Chuyên viên chính', email: 'moi@so-a.example', phone: '0911111111', zaloUserId: '123456789', preferences: { channels: ['email'], quietHours: null } });
    expect(a!.head).toBeNull();
    expect(b!.focal).toBeNull();
    // The agency's own settings (names, aliases, agency preferences) stay the seeds'.
    expect(a!.preferences).toEqual(base.agencies[0]!.preferences);
  });

  it('adds the merges recorded through the API to the seeds’ reorganisations', () => {
    const directory = overlayDirectory(base, snapshot([], { merges: [{ id: '1', kind: 'merge', from: 'so-b', into: 'so-a', effective: '2026-01-01', note: null, recordedAt: new Date(0), recordedBy: 'admin' }] }));
    const index = new AgencyIndex(directory);
    expect(resolveSuccessor(index, 'so-b', '2025-12-31').agency!.id).toBe('so-b');
    expect(resolveSuccessor(index, 'so-b', '2026-01-01').agency!.id).toBe('so-a');
  });
});

describe(contactsOfDirectory.name, () => {
  it('gives each person their agency’s channels and quiet hours when they have none of their own', () => {
    const rows = contactsOfDirectory(base);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ agencyId: 'so-a', role: 'head', channels: ['email', 'zalo'], quietHours: { from: '11:30', to: '13:30' }, zaloUserId: null });
    expect(rows.find((r) => r.agencyId === 'so-b')).toMatchObject({ channels: null, quietHours: null });
  });
});

describe(planContactImport.name, () => {
  it('lists what a re-import adds, changes (field by field) and removes', () => {
    const file = contactsOfDirectory(base);
    const current = file.map((c, i) => ({ ...c, id: String(i + 1), updatedAt: new Date(0), updatedBy: 'seed' }));
    current[1] = { ...current[1]!, email: 'sua-qua-api@so-a.example', phone: '0922222222' };
    current.push({ ...current[0]!, id: '9', agencyId: 'so-c' });
    const plan = planContactImport(current.filter((c) => !(c.agencyId === 'so-b' && c.role === 'head')), file);
    expect(plan.added.map((c) => `${c.agencyId}/${c.role}`)).toEqual(['so-b/head']);
    expect(plan.changed).toEqual([{ contact: file[1], fields: ['email', 'phone'] }]);
    expect(plan.removed.map((c) => `${c.agencyId}/${c.role}`)).toEqual(['so-c/head']);
    expect(plan.unchanged).toBe(2);
  });
});
