// Contacts and merges in PostgreSQL: seeded once (even by racing processes),
// every change raises the revision with its audit row, and the live directory
// reads a change at its next lookup.
import { AgencyDirectoryRepository, AuditLogRepository, MergeAlreadyRecordedError } from '@dondoc/db';
import { contactsOfDirectory, ensureContactsSeeded, importContacts, LiveDirectory } from '@dondoc/directory';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import path from 'node:path';

import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';

const seeds = loadSeedCatalog(path.join(__dirname, '..', '..', '..', 'seeds')).index.directory;
const operator = { actor: 'tester@host', role: 'operator' };

describe(AgencyDirectoryRepository.name, () => {
  let database: TestDatabase;
  let repository: AgencyDirectoryRepository;

  beforeAll(async () => {
    database = await createTestDatabase({ label: 'agency directory' });
    repository = new AgencyDirectoryRepository(database.db);
  });
  afterAll(() => database.destroy());

  it('seeds the contacts once, however many processes start at the same time', async () => {
    const results = await Promise.all([1, 2, 3].map(() => ensureContactsSeeded(repository, seeds, operator)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const snapshot = await repository.snapshot();
    expect(snapshot.seeded).toBe(true);
    expect(snapshot.contacts).toHaveLength(contactsOfDirectory(seeds).length);
    expect(snapshot.revision).toBe('1');
    const audit = await new AuditLogRepository(database.db).list({ action: 'agency.contacts.seed' });
    expect(audit.items).toHaveLength(1);
  });

  it('serves a changed contact at the very next lookup, and audits the change with its fields', async () => {
    const live = new LiveDirectory(repository, seeds);
    const before = (await live.current()).agency('so-khcn')!.focal!;
    expect(before.email).toBe('dondoc@skhcn.kontum.example');
    expect(await live.current()).toBe(await live.current()); // unchanged revision: the cached index

    const { before: was, after } = await repository.saveContact(
      { agencyId: 'so-khcn', role: 'focal', name: before.name, title: before.title, email: 'moi@skhcn.kontum.example', phone: before.phone, zaloUserId: null, channels: ['email'], quietHours: null },
      { actor: 'admin@skhcn.example', role: 'admin', ip: '127.0.0.1', requestId: 'r-1' },
    );
    expect(was!.email).toBe('dondoc@skhcn.kontum.example');
    expect(after.email).toBe('moi@skhcn.kontum.example');
    expect((await live.current()).agency('so-khcn')!.focal).toMatchObject({ email: 'moi@skhcn.kontum.example', preferences: { channels: ['email'], quietHours: null } });

    const [entry] = (await new AuditLogRepository(database.db).list({ action: 'agency.contact.update' })).items;
    expect(entry).toMatchObject({ actor: 'admin@skhcn.example', target: 'agency/so-khcn/contacts/focal', requestId: 'r-1' });
    expect(entry!.payload.changed).toEqual({
      email: { from: 'dondoc@skhcn.kontum.example', to: 'moi@skhcn.kontum.example' },
      channels: { from: ['email', 'zalo'], to: ['email'] },
      quietHours: { from: { from: '11:30', to: '13:30' }, to: null },
    });
  });

  it('re-imports the file on purpose: says what it changes, and a dry run changes nothing', async () => {
    const dry = await importContacts(repository, seeds, operator, { dryRun: true });
    expect(dry.changed).toEqual([expect.objectContaining({ fields: ['email', 'channels', 'quietHours'] })]);
    expect((await repository.contactsOf('so-khcn')).find((c) => c.role === 'focal')!.email).toBe('moi@skhcn.kontum.example');

    const revision = await repository.revision();
    const applied = await importContacts(repository, seeds, operator, { file: 'seeds/agencies.yaml' });
    expect(applied.changed).toHaveLength(1);
    expect((await repository.contactsOf('so-khcn')).find((c) => c.role === 'focal')!.email).toBe('dondoc@skhcn.kontum.example');
    expect(BigInt(await repository.revision())).toBe(BigInt(revision) + 1n);
    // Nothing left to change: no write, no audit row.
    const again = await importContacts(repository, seeds, operator);
    expect(again.changed.length + again.added.length + again.removed.length).toBe(0);
    expect(await repository.revision()).toBe(String(BigInt(revision) + 1n));
    expect((await new AuditLogRepository(database.db).list({ action: 'agency.contacts.import' })).items).toHaveLength(1);
  });

  it('records a merge once; the live directory follows it', async () => {
    const live = new LiveDirectory(repository, seeds);
    await repository.recordMerge({ from: 'so-ngoai-vu', into: 'van-phong-ubnd-tinh', effective: '2026-01-01', note: null }, operator);
    expect((await live.current()).endingOf('so-ngoai-vu')).toMatchObject({ kind: 'merge', into: 'van-phong-ubnd-tinh', effective: '2026-01-01' });
    await expect(repository.recordMerge({ from: 'so-ngoai-vu', into: 'so-khcn', effective: '2026-01-01', note: null }, operator)).rejects.toBeInstanceOf(MergeAlreadyRecordedError);
  });
});
