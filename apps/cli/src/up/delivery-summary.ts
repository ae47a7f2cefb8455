// One console line a minute while `dondoc up` runs, when anything was sent or
// given up: the operator sees reminders going out without reading the JSON logs.
import { createDatabase, type DeliveryCount, DeliveryStatsRepository } from '@dondoc/db';

const timeOfDay = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

/** "08:01 deliveries in the last minute: 57 e-mail, 12 Zalo sent; 1 given up (npx dondoc deliveries --status dead)", or null when nothing happened. */
export function deliverySummaryLine(counts: readonly DeliveryCount[], at: number): string | null {
  const sum = (channel: string, statuses: readonly string[]) => counts.filter((c) => c.channel === channel && statuses.includes(c.status)).reduce((n, c) => n + c.count, 0);
  const sent = [
    [sum('email', ['sent']), 'e-mail'],
    [sum('zalo', ['sent']), 'Zalo'],
  ].filter(([n]) => Number(n) > 0);
  const failed = counts.filter((c) => c.status !== 'sent').reduce((n, c) => n + c.count, 0);
  if (sent.length === 0 && failed === 0) return null;
  const parts = [sent.length ? `${sent.map(([n, what]) => `${n} ${what}`).join(', ')} sent` : 'nothing sent'];
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
