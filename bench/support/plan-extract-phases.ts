// Where a cold extraction's time goes, run in a fresh process: loading the
// modules, the agency directory and pdf.js, the first extraction (pdf.js
// compiles as it parses), then the same again warm, the PDF reading alone and
// the whole extraction. CPU and wall milliseconds per phase, as JSON.
//   node dist/bench/support/plan-extract-phases.js file.pdf
import { readFileSync } from 'node:fs';

import { loadAgencyDirectory } from '@dondoc/catalog';
import { DEFAULT_EXTRACTION_LIMITS, extractPlan } from '@dondoc/plan-extract';

import { loadPdfjs, readPdf } from '../../libs/plan-extract/src/document/read-pdf';

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

async function main(file: string): Promise<void> {
  const phases: Record<string, { cpuMs: number; wallMs: number }> = {};
  // From the process's start: Node itself and the modules this file imports.
  let since = { cpu: 0, wall: 0 };
  const phase = (name: string) => {
    const now = { cpu: cpuMs(), wall: performance.now() };
    phases[name] = { cpuMs: Math.round(now.cpu - since.cpu), wallMs: Math.round(now.wall - since.wall) };
    since = now;
  };
  phase('nodeAndModules');
  const agencies = 'seeds/agencies.yaml';
  const loaded = loadAgencyDirectory({ file: agencies, text: readFileSync(agencies, 'utf8') });
  if (!loaded.ok) throw new Error(`${agencies} does not load`);
  phase('agencyDirectory');
  await loadPdfjs();
  phase('pdfjsLoad');
  const bytes = readFileSync(file);
  const extract = () => extractPlan({ bytes, fileName: file }, { directory: loaded.directory, currentYear: 2026 });
  await extract();
  phase('firstExtraction');
  await readPdf(bytes, DEFAULT_EXTRACTION_LIMITS);
  phase('warmPdfReading');
  await extract();
  phase('warmExtraction');
  console.log(JSON.stringify(phases));
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
