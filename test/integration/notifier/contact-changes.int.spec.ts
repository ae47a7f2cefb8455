// Contacts live in the database: the notifier reads them for each reminder, so
// the reminder right after an edit goes to the new address and the new
// channels, with no restart and no waiting for a cache to expire.
import { AgencyDirectoryRepository, DeliveryLogRepository } from '@dondoc/db';
import { ensureContactsSeeded, LiveDirectory } from '@dondoc/directory';

import { testAgencyIndex } from './support/directory';
import { type NotifierEnvironment, reminder, runNotifier, type RunningNotifier, startEnvironment } from './support/notifier-harness';

describe('notifier: contacts from the database', () => {
  let env: NotifierEnvironment;
  let running: RunningNotifier;
  let contacts: AgencyDirectoryRepository;
  const admin = { actor: 'admin@skhcn.example', role: 'admin' };

  beforeAll(async () => {
    env = await startEnvironment();
    contacts = new AgencyDirectoryRepository(env.database.db);
    const base = testAgencyIndex().directory;
    await ensureContactsSeeded(contacts, base, { actor: 'test', role: 'system' });
    running = runNotifier(env, { zalo: true, directory: new LiveDirectory(contacts, base) });
  });
  afterAll(async () => {
    await running.stop();
    await env.stop();
  });

  it('sends the next reminder after an edit to the edited address, on the edited channels', async () => {
    await running.queue.enqueue(reminder('so-thu'));
    const [first] = await env.sink.waitForMessages(1);
    expect(first!.envelope.to).toEqual(['hang@sothu.example']);

    const [focal] = (await contacts.contactsOf('so-thu')).filter((c) => c.role === 'focal');
    await contacts.saveContact({ ...focal!, email: 'hang.moi@sothu.example' }, admin);
    await running.queue.enqueue(reminder('so-thu'));
    const messages = await env.sink.waitForMessages(2);
    expect(messages[1]!.envelope.to).toEqual(['hang.moi@sothu.example']);

    // Her own channels now: e-mail only, although the step asks for Zalo too and her agency takes both.
    await contacts.saveContact({ ...focal!, email: 'hang.moi@sothu.example', channels: ['email'] }, admin);
    const both = reminder('so-thu', { recipients: [{ role: 'focal', channels: ['email', 'zalo'] }] });
    await running.queue.enqueue(both);
    const third = await env.sink.waitForMessages(3);
    expect(third[2]!.envelope.to).toEqual(['hang.moi@sothu.example']);
    // The dispatcher queues every channel of a reminder before any is sent: the log has them all by now.
    const rows = await new DeliveryLogRepository(env.database.db).forKey(both.idempotencyKey);
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['email']));
  });
});
