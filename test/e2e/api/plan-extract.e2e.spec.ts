// POST /plans/extract against the built API: an admin uploads a plan's Word
// file or text and gets the draft and its report (nothing stored), imports
// the corrected draft with POST /plans; other roles are refused, and
// unreadable, oversized or foreign files get a 4xx saying why.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from '@dondoc/runtime';

import { mergedLeadDocx } from '../../../libs/plan-extract/src/testing/plan-documents';
import { type ApiStack, call, startApiStack } from './support/api-stack';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface ExtractReply {
  kind: string;
  draftYaml: string;
  valid: boolean;
  plan: { id: string; groups: Array<{ tasks: Array<{ id: string; lead: { agencies: string[] } }> }> };
  fields: Array<{ path: string; review: boolean; note: string }>;
  report: string;
}

describe('plan extraction (API e2e)', () => {
  let stack: ApiStack;
  let admin: string;
  let viewer: string;

  const upload = async <T = ExtractReply>(token: string, fileName: string, contentType: string, data: Uint8Array) => {
    const response = await fetch(`${stack.url}/plans/extract`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'x-file-name': encodeURIComponent(fileName) },
      body: new Uint8Array(data) as Uint8Array<ArrayBuffer>,
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeAll(async () => {
    stack = await startApiStack('extract');
    admin = await stack.login(await stack.addUser('admin@skhcn.example', 'admin'));
    viewer = await stack.login(await stack.addUser('viewer@skhcn.example', 'viewer'));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('returns the draft and report of a Word plan, which POST /plans then imports', async () => {
    const reply = await upload(admin, 'Kế hoạch 98.docx', DOCX, await mergedLeadDocx());
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ kind: 'docx', valid: true });
    expect(reply.body.plan.groups.flatMap((g) => g.tasks.map((t) => [t.id, t.lead.agencies]))).toEqual([
      ['I.1', ['so-tttt']],
      ['I.2', ['so-tttt']],
      ['I.3', ['so-tttt']],
      ['II.4', ['so-noi-vu']],
    ]);
    expect(reply.body.report).toContain('Tệp: Kế hoạch 98.docx (Word');
    const imported = await call<{ planId: string; status: string }>(stack.url, 'POST', '/plans', { token: admin, body: reply.body.draftYaml, contentType: 'application/yaml' });
    expect(imported).toMatchObject({ status: 200, body: { planId: reply.body.plan.id, status: 'new' } });
  });

  it('reads a plan sent as text, flagging what needs review', async () => {
    const text = readFileSync(path.join(repoRoot(), '..', 'shared', 'seeds', '004_a06170cb37b4dedd.txt'));
    const reply = await upload(admin, 'kh-ai.txt', 'text/plain; charset=utf-8', new Uint8Array(text));
    expect(reply.status).toBe(200);
    expect(reply.body.plan.groups[0]!.tasks).toHaveLength(14);
    expect(reply.body.fields.find((f) => f.path === 'id')).toMatchObject({ review: true });
  });

  it('is for admins only', async () => {
    expect((await upload(viewer, 'x.docx', DOCX, await mergedLeadDocx())).status).toBe(403);
  });

  it('says why a file cannot be read: damaged (400), not a document (415), too large (413)', async () => {
    const damaged = await upload<{ message: string }>(admin, 'hong.pdf', 'application/pdf', new TextEncoder().encode('%PDF-1.7\nrác'));
    expect(damaged).toMatchObject({ status: 400, body: { message: expect.stringMatching(/PDF bị hỏng/) } });
    const image = await upload<{ message: string }>(admin, 'anh.png', 'application/octet-stream', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    expect(image).toMatchObject({ status: 415, body: { message: expect.stringMatching(/không phải PDF, Word/) } });
    const large = await upload<{ message: string }>(admin, 'lon.pdf', 'application/pdf', new Uint8Array(21 * 1024 * 1024));
    expect(large).toMatchObject({ status: 413, body: { message: expect.stringMatching(/quá giới hạn 20 MB/) } });
  });
});
