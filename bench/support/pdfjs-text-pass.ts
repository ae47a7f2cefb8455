// The benchmark's baseline, run in a fresh process: the least any reading of
// a PDF's text with positions costs, pdfjs-dist's getTextContent over every
// page and nothing else (no ruling lines, no tables, no draft).
//   node dist/bench/support/pdfjs-text-pass.js file.pdf
import { readFileSync } from 'node:fs';

async function main(file: string): Promise<void> {
  const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await lib.getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  let items = 0;
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await document.destroy();
  console.log(JSON.stringify({ pages: document.numPages, items }));
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
