// Readers for the generated documents, written independently of the code that
// writes them: the XLSX through exceljs, the DOCX by unzipping word/document.xml.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** Every row of a sheet from `fromRow` on, as text cells (trailing empty cells dropped). */
export async function xlsxRows(file: Buffer, sheetName: string, fromRow = 1): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet "${sheetName}" in ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  const rows: string[][] = [];
  for (let r = fromRow; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const value = row.getCell(c).value;
      cells.push(value === null || value === undefined ? '' : String(value));
    }
    while (cells.length && cells.at(-1) === '') cells.pop();
    rows.push(cells);
  }
  return rows;
}

const decode = (xml: string) => xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');

export interface DocxContent {
  /** Paragraph texts outside tables, in order. */
  readonly paragraphs: string[];
  /** Each table as rows of cell texts (a cell's paragraphs joined by "\n"). */
  readonly tables: string[][][];
}

export async function docxContent(file: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')!.async('string');
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => [...(cell[1] ?? '').matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)].map((p) => textOf(p[1] ?? '')).join('\n')),
    ),
  );
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...outside.matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)].map((p) => textOf(p[1] ?? '')).filter(Boolean);
  return { paragraphs, tables };
}
