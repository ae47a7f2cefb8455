// `dondoc plan extract` as a user runs it: the built command line in a fresh
// Node process, on a PDF. pdfjs-dist's legacy build swaps some of Node's
// built-ins for slower core-js polyfills process-wide when it loads; the
// process that read a PDF must still have Node's own (Jest's sandbox never
// shows the swap, so this is checked in a real process).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it("leaves Node's own Array.prototype.push, JSON.parse and JSON.stringify in a process that read a PDF", () => {
    const script = `
      const natives = [Array.prototype.push, JSON.parse, JSON.stringify];
      const { readPdf } = require(${JSON.stringify(path.join(root, 'dist/libs/plan-extract/src/document/read-pdf.js'))});
      const { DEFAULT_EXTRACTION_LIMITS } = require(${JSON.stringify(path.join(root, 'dist/libs/plan-extract/src/extraction-error.js'))});
      readPdf(require('node:fs').readFileSync(process.argv[1]), DEFAULT_EXTRACTION_LIMITS).then((document) => {
        const now = [Array.prototype.push, JSON.parse, JSON.stringify];
        console.log(JSON.stringify({ tables: document.tables.length, same: now.map((f, i) => f === natives[i]), withResolvers: typeof Promise.withResolvers }));
      });`;
    const output = JSON.parse(execFileSync(process.execPath, ['-e', script, pdf], { cwd: root, encoding: 'utf8' })) as { tables: number; same: boolean[]; withResolvers: string };
    expect(output).toEqual({ tables: 1, same: [true, true, true], withResolvers: 'function' });
  });
});
