// The operator's side: `dondoc deliveries` lists the log, `dondoc deliveries
// retry` replays a dead-lettered delivery (sent once the cause is fixed), and
// `dondoc templates preview` writes a template's HTML.
import { deliveryJobId } from '@dondoc/contracts';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { buildProgram } from '../../../apps/cli/src/program';
import { eventually, type NotifierEnvironment, reminder, runNotifier, type RunningNotifier, startEnvironment } from './support/notifier-harness';

async function dondoc(...args: string[]): Promise<string> {
  let out = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  try {
    await (await buildProgram()).exitOverride().parseAsync(['node', 'dondoc', ...args]);
  } finally {
    write.mockRestore();
  }
  return out;
}

describe('dondoc deliveries and templates', () => {
  let env: NotifierEnvironment;
  let running: RunningNotifier;
  let refuse = true;

  beforeAll(async () => {
    env = await startEnvironment({ sink: { answerRecipient: () => (refuse ? { code: 554, message: '5.7.1 Message refused by policy' } : null) } });
    const url = new URL(env.database.url);
    url.searchParams.set('options', `-c search_path=${env.database.schema}`);
    process.env.DATABASE_URL = url.toString();
    process.env.REDIS_URL = env.redis.url;
    // Default queue names: the CLI replays from the production queues.
    running = runNotifier(env, { settings: { queues: undefined } });
  });
  afterAll(async () => {
    await running.stop();
    await env.stop();
  });

  it('lists a dead-lettered delivery, replays it with `retry`, and it is then sent once', async () => {
    const job = reminder('so-thu');
    await running.queue.enqueue(job);
    // 554 to RCPT: the focal contact is refused, then the head (contact 1), which dead-letters.
    const jobId = deliveryJobId(job.idempotencyKey, 'focal', 'email', 1);
    await eventually(async () => expect(await running.notifier.queues.email.getJobState(jobId)).toBe('failed'));

    const listed = await dondoc('deliveries', '--task', 'kh-thu', '--status', 'dead');
    expect(listed).toContain('thất bại');
    expect(listed).toContain(jobId);
    expect(listed).toContain('554');
    expect(await dondoc('deliveries', '--agency', 'khong-co')).toContain('Không có lượt gửi nào.');

    refuse = false;
    expect(await dondoc('deliveries', 'retry', jobId)).toContain('Đã đưa 1 lượt gửi trở lại hàng đợi.');
    const [message] = await env.sink.waitForMessages(1);
    expect(message?.envelope.to).toEqual(['duc@sothu.example']);
    await eventually(async () => expect(await dondoc('deliveries', '--task', job.workflowId, '--status', 'sent')).toContain('đã gửi'));
    expect(await dondoc('deliveries', 'retry', '--all')).toContain('Đã đưa 0 lượt gửi');
    // The replay went to Redis, not through the API: audited under the operator, once (the empty --all changed nothing).
    const audit = await env.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'deliveries.retry').execute();
    expect(audit).toEqual([expect.objectContaining({ role: 'operator', actor: expect.stringMatching(/^.+@.+$/) })]);
    expect(audit[0]!.payload).toMatchObject({ jobIds: [jobId], notFound: [], via: 'cli' });
  });

  it('writes a template preview and prints its path', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dondoc-preview-')), 'escalation.html');
    const out = await dondoc('templates', 'preview', 'escalation', '--out', file);
    expect(out).toContain(file);
    expect(out).toContain('[Đôn Đốc] Nhiệm vụ quá hạn');
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/quá hạn 12 ngày \(\d+ ngày làm việc\)/);
    expect(html).toMatch(/http:\/\/localhost:3000\/l\/[\w-]+\.[\w-]+/);
  });

  it('previews the daily digest: overdue first, each task with its link, and the link to the whole list', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dondoc-preview-')), 'digest.html');
    const out = await dondoc('templates', 'preview', 'daily-digest', '--out', file);
    expect(out).toMatch(/Tiêu đề: \[Đôn Đốc\] Nhắc việc ngày \d{2}\/\d{2}\/\d{4}: 2 việc quá hạn, 2 việc sắp đến hạn/);
    const html = readFileSync(file, 'utf8');
    expect(html.indexOf('Quá hạn (2)')).toBeGreaterThan(0);
    expect(html.indexOf('Quá hạn (2)')).toBeLessThan(html.indexOf('Sắp đến hạn (2)'));
    expect(html).toContain('quá hạn 19 ngày (');
    expect(html).toContain('(bản sao để theo dõi)');
    expect(html).toContain('Xem danh sách trên Đôn Đốc');
    expect(html.match(/href="http:\/\/localhost:3000\/l\/[\w.-]+"/g)).toHaveLength(5);
  });
});
