// Calendar apps cannot send a Bearer token: an officer (or admin) asks for a
// signed subscription link, and the deadline feed answers that link alone —
// again and again, for its own agency only.
import { createLinkToken } from '@dondoc/links';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';

import { type ApiStack, call, eventually, startApiStack } from './support/api-stack';

const PLAN = 'kh-ai-2025-2030';
const DAY = 86_400_000;
type Task = { workflowId: string; agencyId: string };
const eventsIn = (ics: string) => ics.match(/BEGIN:VEVENT/g)?.length ?? 0;
type Link = { agencyId: string; url: string; expiresAt: string };
type AuditPage = { items: Array<{ actor: string; role: string; action: string; target: string }> };

describe('signed calendar feed links (API e2e)', () => {
  let stack: ApiStack;
  let admin: string;
  let viewer: string;
  let officerA: string;
  let agencyA: string;
  let agencyB: string;

  const api = <T = Record<string, unknown>>(method: string, route: string, options: Parameters<typeof call>[3] = {}) => call<T>(stack.url, method, route, options);
  /** The feed route of an agency with a link token and no Bearer session. */
  const feed = (agencyId: string, token: string) => api<string>('GET', `/agencies/${agencyId}/deadlines.ics?token=${encodeURIComponent(token)}`);
  const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

  beforeAll(async () => {
    stack = await startApiStack('calendar');
    admin = await stack.login(await stack.addUser('admin@skhcn.example', 'admin'));
    viewer = await stack.login(await stack.addUser('viewer@skhcn.example', 'viewer'));
    const yaml = readFileSync(path.join(__dirname, '../../../seeds/plans', `${PLAN}.yaml`), 'utf8');
    const imported = await api<{ workflows: { started: string[] } }>('POST', '/plans', { token: admin, body: { yaml } });
    expect(imported.status).toBe(200);
    const tasks = await eventually(async () => {
      const page = await api<{ items: Task[] }>('GET', `/tasks?plan=${PLAN}&pageSize=200`, { token: admin });
      return page.body.items.length === imported.body.workflows.started.length ? page.body.items : undefined;
    }, 30_000, 'every task visible');
    const counts = new Map<string, number>();
    for (const t of tasks) counts.set(t.agencyId, (counts.get(t.agencyId) ?? 0) + 1);
    [agencyA, agencyB] = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id) as [string, string];
    officerA = await stack.login(await stack.addUser(`canbo@${agencyA}.example`, 'officer', agencyA));
  });

  afterAll(() => stack?.stop());

  it('gives an officer a long-lived link to its own agency feed, and only to its own', async () => {
    const reply = await api<Link>('POST', `/agencies/${agencyA}/calendar-link`, { token: officerA });
    expect(reply.status).toBe(200);
    expect(reply.body.agencyId).toBe(agencyA);
    expect(reply.body.url.startsWith(`${stack.url}/agencies/${agencyA}/deadlines.ics?token=`)).toBe(true);
    expect(Date.parse(reply.body.expiresAt)).toBeGreaterThan(Date.now() + 300 * DAY);

    expect((await api('POST', `/agencies/${agencyB}/calendar-link`, { token: officerA })).status).toBe(403);
    expect((await api('POST', `/agencies/${agencyA}/calendar-link`, { token: viewer })).status).toBe(403);
    expect((await api('POST', `/agencies/${agencyA}/calendar-link`)).status).toBe(401);
    expect((await api('POST', '/agencies/no-such-agency/calendar-link', { token: admin })).status).toBe(404);
    expect((await api<Link>('POST', `/agencies/${agencyB}/calendar-link`, { token: admin })).body.agencyId).toBe(agencyB);

    const log = await api<AuditPage>('GET', '/audit?limit=100', { token: admin });
    expect(log.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ actor: `canbo@${agencyA}.example`, action: 'agency.calendar-link', target: `agency/${agencyA}` })]));
  });

  it('serves the feed to the link without a Bearer session, as often as the calendar app asks', async () => {
    const { url } = (await api<Link>('POST', `/agencies/${agencyA}/calendar-link`, { token: officerA })).body;
    // Due dates reach visibility shortly after the tasks start: wait until the signed-in feed shows them.
    const events = await eventually(async () => {
      const n = eventsIn((await api<string>('GET', `/agencies/${agencyA}/deadlines.ics`, { token: officerA })).body);
      return n > 0 && n === eventsIn((await api<string>('GET', `/agencies/${agencyA}/deadlines.ics`, { token: admin })).body) ? n : undefined;
    }, 20_000, 'the due dates of the agency in its feed');
    expect(events).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      // More due dates may reach visibility meanwhile: the link must give what a signed-in officer sees at that moment.
      const seen = await eventually(async () => {
        const response = await fetch(url);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/calendar');
        const body = await response.text();
        expect(body).toContain('BEGIN:VCALENDAR');
        const withSession = eventsIn((await api<string>('GET', `/agencies/${agencyA}/deadlines.ics`, { token: officerA })).body);
        return eventsIn(body) === withSession ? withSession : undefined;
      }, 20_000, 'the linked feed to match the signed-in feed');
      expect(seen).toBeGreaterThanOrEqual(events);
    }
    // Without a link the feed still needs a session.
    expect((await api('GET', `/agencies/${agencyA}/deadlines.ics`)).status).toBe(401);
    expect((await api('GET', `/agencies/${agencyA}/deadlines.ics`, { token: officerA })).status).toBe(200);
  });

  it("refuses the link for another agency's feed, a tampered link, an expired one and another kind of link", async () => {
    const token = tokenOf((await api<Link>('POST', `/agencies/${agencyA}/calendar-link`, { token: officerA })).body.url);
    expect(await feed(agencyB, token)).toMatchObject({ status: 403, body: { error: 'forbidden' } });

    const [payload, signature] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const rewritten = `${Buffer.from(JSON.stringify({ ...claims, agencyId: agencyB, subject: `calendar/${agencyB}` })).toString('base64url')}.${signature}`;
    expect((await feed(agencyB, rewritten)).status).toBe(403);
    const flipped = `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect((await feed(agencyA, flipped)).status).toBe(403);
    expect((await feed(agencyA, 'not-a-token')).status).toBe(403);
    expect((await api('GET', `/agencies/${agencyA}/deadlines.ics?token=`)).status).toBe(400);

    const exp = Math.floor(Date.now() / 1000);
    const expired = createLinkToken({ purpose: 'calendar-feed', subject: `calendar/${agencyA}`, agencyId: agencyA, exp: exp - 60 }, stack.linkSecret);
    expect((await feed(agencyA, expired)).status).toBe(401);
    const progressLink = createLinkToken({ purpose: 'report-progress', subject: `calendar/${agencyA}`, agencyId: agencyA, exp: exp + 3600 }, stack.linkSecret);
    expect((await feed(agencyA, progressLink)).status).toBe(403);
  });

  it('is read by an iCalendar parser, and a calendar app polling an unchanged feed gets 304 Not Modified', async () => {
    const { url } = (await api<Link>('POST', `/agencies/${agencyA}/calendar-link`, { token: officerA })).body;
    const first = await fetch(url);
    const body = await first.text();
    const calendar = new ICAL.Component(ICAL.parse(body));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).isDate).toBe(true);
      expect((event.getFirstPropertyValue('dtstamp') as ICAL.Time).zone?.tzid).toBe('UTC');
    }
    expect(body.endsWith('\r\n')).toBe(true);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // The due dates may still be reaching visibility: once two fetches a few seconds apart agree, the
    // feed has settled. Polled slowly: the feed allows a calendar app 30 fetches a minute.
    let settled = etag;
    for (let attempt = 0; attempt < 8; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const again = await fetch(url);
      await again.text();
      if (again.headers.get('etag') === settled) break;
      settled = again.headers.get('etag');
    }
    // As a calendar app sends it (fetch() would add Cache-Control: no-cache to a conditional request).
    const conditional = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      get(url, { headers: { 'If-None-Match': settled! } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      }).on('error', reject);
    });
    expect(conditional).toEqual({ status: 304, body: '' });
  });

  it("says in a merged agency's feed where its tasks went", async () => {
    // Sở KH&CN tỉnh Kon Tum became Sở KH&CN tỉnh Quảng Ngãi on 1/7/2025 (seeds/agencies.yaml).
    const reply = await api<string>('GET', '/agencies/so-khcn/deadlines.ics', { token: admin });
    expect(reply.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(reply.body));
    expect(String(calendar.getFirstPropertyValue('x-wr-caldesc'))).toMatch(/^Sở Khoa học và Công nghệ tỉnh Kon Tum đã sáp nhập vào Sở Khoa học và Công nghệ tỉnh Quảng Ngãi từ ngày \d{2}\/\d{2}\/\d{4}/);
  });
});
