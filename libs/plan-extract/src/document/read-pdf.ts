// PDF through pdfjs-dist: each page's text runs with their positions
// (getTextContent) and the ruling lines drawn on it (the operator list's
// paths, mapped through the graphics state's transform), handed to
// pdf-grid.ts to become tables and body lines. Encrypted, malformed and
// scanned files (no text layer) fail here with their own error.
import { ExtractionError, type ExtractionLimits } from '../extraction-error';
import { buildPdfDocument, type PdfPage, type Segment, type TextRun } from './pdf-grid';
import type { SourceDocument } from './source-document';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<Pdfjs> | null = null;

/** pdfjs-dist is large: loaded on the first PDF, with its worker in this thread (Node has no web worker). */
export function loadPdfjs(): Promise<Pdfjs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

export async function readPdf(bytes: Uint8Array, limits: ExtractionLimits): Promise<SourceDocument> {
  const lib = await loadPdfjs();
  const task = lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new ExtractionError('encrypted', 'Tệp PDF được đặt mật khẩu; hãy mở khóa (in lại ra PDF không mật khẩu) rồi tải lại.');
    }
    throw new ExtractionError('malformed', `Tệp PDF bị hỏng hoặc không phải PDF: ${(error as Error).message}`);
  }
  try {
    if (document.numPages > limits.maxPages) {
      throw new ExtractionError('too-large', `Tệp PDF có ${document.numPages} trang, quá giới hạn ${limits.maxPages} trang.`);
    }
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , , d, e, f] = item.transform as number[];
        const height = Math.abs(d ?? item.height) || item.height;
        // Top-down coordinates, as a reader scans the page.
        runs.push({ text: item.str.normalize('NFC'), x: e ?? 0, y: viewport.height - (f ?? 0) - height * 0.8, width: item.width, height, font: item.fontName });
      }
      const operators = await page.getOperatorList();
      pages.push({ number, width: viewport.width, height: viewport.height, runs, segments: rulingLines(lib, operators, viewport.height) });
      page.cleanup();
    }
    const readable = pages.filter((p) => p.runs.length > 0).length;
    if (readable === 0) {
      throw new ExtractionError(
        'no-text-layer',
        `Tệp PDF ${pages.length} trang không có lớp chữ (bản quét hoặc ảnh chụp); cần nhận dạng chữ (OCR) trước, hoặc dùng tệp Word/PDF gốc.`,
      );
    }
    const built = buildPdfDocument(pages);
    const blank = pages.length - readable;
    return blank > 0 ? { ...built, notes: [...built.notes, `${blank} trang không có lớp chữ (có thể là trang quét) đã bị bỏ qua.`] } : built;
  } finally {
    await document.destroy();
  }
}

/**
 * Horizontal and vertical strokes and thin filled rectangles: the borders of
 * table cells. Coordinates are mapped through the current transform and
 * turned top-down.
 */
function rulingLines(lib: Pdfjs, operators: { fnArray: number[]; argsArray: unknown[] }, pageHeight: number): Segment[] {
  const { OPS } = lib;
  const segments: Segment[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const apply = (x: number, y: number): [number, number] => [ctm[0]! * x + ctm[2]! * y + ctm[4]!, ctm[1]! * x + ctm[3]! * y + ctm[5]!];
  const add = (x1: number, y1: number, x2: number, y2: number) => {
    const [ax, ay] = apply(x1, y1);
    const [bx, by] = apply(x2, y2);
    const horizontal = Math.abs(ay - by) < 1.5;
    const vertical = Math.abs(ax - bx) < 1.5;
    if (horizontal === vertical) return;
    segments.push(
      horizontal
        ? { orientation: 'h', at: pageHeight - (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) }
        : { orientation: 'v', at: (ax + bx) / 2, from: pageHeight - Math.max(ay, by), to: pageHeight - Math.min(ay, by) },
    );
  };
  operators.fnArray.forEach((fn, index) => {
    const args = operators.argsArray[index] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.constructPath) {
      const [paint, data] = args as [number, Array<ArrayLike<number> | null>];
      const path = data?.[0];
      if (!path || paint === OPS.endPath) return;
      const filled = paint !== OPS.stroke && paint !== OPS.closeStroke;
      walkPath(path, filled, add);
    }
  });
  return segments;
}

/** The path buffer of pdfjs 5: moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4. */
function walkPath(path: ArrayLike<number>, filled: boolean, add: (x1: number, y1: number, x2: number, y2: number) => void): void {
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const points: Array<[number, number]> = [];
  for (let i = 0; i < path.length; ) {
    const op = path[i]!;
    if (op === 0) {
      x = path[i + 1]!;
      y = path[i + 2]!;
      startX = x;
      startY = y;
      points.length = 0;
      points.push([x, y]);
      i += 3;
    } else if (op === 1) {
      const nx = path[i + 1]!;
      const ny = path[i + 2]!;
      if (!filled) add(x, y, nx, ny);
      x = nx;
      y = ny;
      points.push([x, y]);
      i += 3;
    } else if (op === 2) {
      x = path[i + 5]!;
      y = path[i + 6]!;
      i += 7;
    } else if (op === 3) {
      x = path[i + 3]!;
      y = path[i + 4]!;
      i += 5;
    } else {
      if (filled && points.length >= 3) thinRectangle(points, add);
      x = startX;
      y = startY;
      i += 1;
    }
  }
  if (filled && points.length >= 3) thinRectangle(points, add);
}

/** A filled rectangle a couple of points thick is a drawn line (how Word and many PDF makers draw borders). */
function thinRectangle(points: ReadonlyArray<[number, number]>, add: (x1: number, y1: number, x2: number, y2: number) => void): void {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (maxY - minY <= 2.5 && maxX - minX > 3) add(minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2);
  else if (maxX - minX <= 2.5 && maxY - minY > 3) add((minX + maxX) / 2, minY, (minX + maxX) / 2, maxY);
}

function multiply(m: readonly number[], n: readonly number[]): number[] {
  const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
  const [a2, b2, c2, d2, e2, f2] = n as [number, number, number, number, number, number];
  return [a2 * a + b2 * c, a2 * b + b2 * d, c2 * a + d2 * c, c2 * b + d2 * d, e2 * a + f2 * c + e, e2 * b + f2 * d + f];
}
