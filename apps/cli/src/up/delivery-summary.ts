// One console line a minute while `dondoc up` runs, when anything was sent or
// given up: the operator sees reminders going out without reading the JSON logs.
import { createDatabase, type DeliveryCount, DeliveryStatsRepository } from '@dondoc/db';

const timeOfDay = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

/**
 * "08:01 deliveries in the last minute: 57 e-mail (in 12 digests), 12 Zalo sent; 1 failed permanently (…)",
 * or null when nothing happened. Counts are reminders per recipient; digests say how many messages carried them.
 */
export function deliverySummaryLine(counts: readonly DeliveryCount[], at: number): string | null {
  const sent = (['email', 'zalo'] as const)
    .map((channel) => {
      const row = counts.find((c) => c.channel === channel && c.status === 'sent');
      const what = channel === 'email' ? 'e-mail' : 'Zalo';
      if (!row || row.count === 0) return null;
      return row.messages !== undefined && row.messages < row.count ? `${row.count} ${what} (in ${row.messages} digest${row.messages === 1 ? '' : 's'})` : `${row.count} ${what}`;
    })
    .filter((part): part is string => part !== null);
  const failed = counts.filter((c) => c.status !== 'sent').reduce((n, c) => n + c.count, 0);
  if (sent.length === 0 && failed === 0) return null;
  const parts = [sent.length ? `${sent.join(', ')} sent` : 'nothing sent'];
  if (failed > 0) parts.push(`${failed} failed permanently (npx dondoc deliveries --status dead)`);
  return `${timeOfDay(at)} deliveries in the last minute: ${parts.join('; ')}`;
}

/** Polls the delivery log once a minute; returns the function that stops it. */
export function startDeliverySummary(databaseUrl: string, write: (line: string) => void, everyMs = 60_000): () => Promise<void> {
  const db = createDatabase(databaseUrl, { maxConnections: 1, applicationName: 'dondoc-up-console' });
  const stats = new DeliveryStatsRepository(db);
  let since = new Date();
  const timer = setInterval(() => {
    const until = new Date();
    stats
      .outcomesSince(since)
      .then((counts) => {
        since = until;
        const line = deliverySummaryLine(counts, until.getTime());
        if (line) write(line);
      })
      .catch(() => undefined); // the database may be stopping; the next minute tries again
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await db.destroy();
  };
}
