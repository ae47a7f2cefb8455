// `dondoc plan extract` as a user runs it: the built command line in a fresh
// Node process, on a PDF (the unit suites call the library inside Jest).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { repoRoot } from '@dondoc/runtime';

import { otherIssuerPdf } from '../../libs/plan-extract/src/testing/plan-documents';

const root = repoRoot();
const cli = path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js');

describe('dondoc plan extract (built command line)', () => {
  let dir: string;
  let pdf: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-extract-'));
    pdf = path.join(dir, 'ke-hoach-so-khcn.pdf');
    writeFileSync(pdf, await otherIssuerPdf());
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the draft of a PDF plan and says what plan validate will refuse (exit 1)', () => {
    const draft = path.join(dir, 'draft.yaml');
    const run = spawnSync(process.execPath, [cli, 'plan', 'extract', pdf, '-o', draft, '--report'], { cwd: root, encoding: 'utf8' });
    expect(run.stdout).toMatch(/^Đã ghi bản nháp .*draft\.yaml: 4 nhiệm vụ, \d+ trường cần xem lại\.\n$/);
    expect(run.stderr).toContain('Tệp: ');
    expect(run.stderr).toContain('không hiểu thời hạn "Quý II/2026"');
    expect(run.status).toBe(1);
    expect(readFileSync(draft, 'utf8')).toContain('deadline: Quý II/2026');
  });

  it('refuses a damaged PDF with its reason and writes nothing (exit 2)', () => {
    const broken = path.join(dir, 'hong.pdf');
    writeFileSync(broken, '%PDF-1.7\n1 0 obj << /Type /Catalog');
    const draft = path.join(dir, 'none.yaml');
    const run = spawnSync(process.execPath, [cli, 'plan', 'extract', broken, '-o', draft], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toMatch(/hong\.pdf: Tệp PDF bị hỏng/);
    expect(run.status).toBe(2);
    expect(existsSync(draft)).toBe(false);
  });
});
