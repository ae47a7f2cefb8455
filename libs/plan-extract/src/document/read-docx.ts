// Word files: the body of word/document.xml in order, paragraphs as lines and
// tables as grids. w:gridSpan gives a cell's width in grid columns, w:vMerge
// marks a cell merged with the one above ("restart" opens the merge), and
// w:tblHeader the header row Word repeats on every page.
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

import { ExtractionError } from '../extraction-error';
import { cleanText, type GridCell, type GridRow, type GridTable, type SourceDocument, type SourceLine } from './source-document';

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false });

export async function readDocx(bytes: Uint8Array): Promise<SourceDocument> {
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(bytes);
    if (Object.keys(zip.files).some((name) => name === 'EncryptionInfo' || name === 'EncryptedPackage')) {
      throw new ExtractionError('encrypted', 'Tệp Word được đặt mật khẩu; hãy bỏ mật khẩu (File → Info → Protect Document) rồi tải lại.');
    }
    const document = zip.file('word/document.xml');
    if (!document) throw new ExtractionError('malformed', 'Tệp .docx không có word/document.xml: không phải tài liệu Word hoặc tệp bị hỏng.');
    xml = await document.async('string');
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw new ExtractionError('malformed', `Không mở được tệp Word: tệp bị hỏng hoặc không phải .docx (${(error as Error).message}).`);
  }
  let tree: XmlNode[];
  try {
    tree = parser.parse(xml) as XmlNode[];
  } catch (error) {
    throw new ExtractionError('malformed', `word/document.xml không đọc được: ${(error as Error).message}`);
  }
  const body = children(find(children(find(tree, 'w:document')), 'w:body'));
  const lines: SourceLine[] = [];
  const tables: GridTable[] = [];
  for (const node of body) {
    if ('w:p' in node) {
      const text = cleanText(paragraphText(node));
      if (text !== '') lines.push({ text, page: 1, line: null });
    } else if ('w:tbl' in node) {
      tables.push(readTable(node));
      // The table's text also belongs to the body's reading order (metadata tables, signatures).
      for (const row of tables[tables.length - 1]!.rows) {
        const text = cleanText(row.cells.map((c) => c.text).join(' '));
        if (text !== '') lines.push({ text, page: 1, line: null });
      }
    }
  }
  return { kind: 'docx', pages: 1, lines, tables, notes: [] };
}

function readTable(table: XmlNode): GridTable {
  const nodes = children(table);
  const columns = children(find(nodes, 'w:tblGrid')).filter((n) => 'w:gridCol' in n).length;
  const rows: GridRow[] = [];
  for (const tr of nodes.filter((n) => 'w:tr' in n)) {
    const cells: GridCell[] = [];
    let column = 0;
    const trNodes = children(tr);
    const header = children(find(trNodes, 'w:trPr')).some((n) => 'w:tblHeader' in n);
    const skipped = Number(attr(find(children(find(trNodes, 'w:trPr')), 'w:gridBefore'), 'w:val') ?? 0);
    column += skipped;
    for (const tc of trNodes.filter((n) => 'w:tc' in n)) {
      const tcNodes = children(tc);
      const props = children(find(tcNodes, 'w:tcPr'));
      const span = Number(attr(find(props, 'w:gridSpan'), 'w:val') ?? 1) || 1;
      const merge = find(props, 'w:vMerge');
      const mergedAbove = merge !== undefined && attr(merge, 'w:val') !== 'restart';
      const text = tcNodes
        .filter((n) => 'w:p' in n || 'w:tbl' in n)
        .map((n) => ('w:p' in n ? paragraphText(n) : nestedTableText(n)))
        .map(cleanText)
        .filter((t) => t !== '')
        .join(' ');
      cells.push({ text, column, span, mergedAbove });
      column += span;
    }
    rows.push({ cells, page: 1, startsPage: false, ...(header ? { repeatedHeader: true } : {}) });
  }
  return { rows, columns: Math.max(columns, ...rows.map((r) => r.cells.reduce((n, c) => Math.max(n, c.column + c.span), 0))), page: 1 };
}

function paragraphText(paragraph: XmlNode): string {
  let text = '';
  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      if ('#text' in node) text += String(node['#text']);
      else if ('w:tab' in node || 'w:br' in node || 'w:cr' in node) text += ' ';
      else if ('w:delText' in node || 'w:instrText' in node) continue;
      else {
        const key = Object.keys(node).find((k) => k !== ':@');
        if (key && Array.isArray(node[key])) walk(node[key] as XmlNode[]);
      }
    }
  };
  walk(children(paragraph));
  return text;
}

function nestedTableText(table: XmlNode): string {
  return readTable(table)
    .rows.map((row) => row.cells.map((c) => c.text).join(' '))
    .join(' ');
}

function find(nodes: XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((node) => tag in node);
}

function children(node: XmlNode | undefined): XmlNode[] {
  if (!node) return [];
  const key = Object.keys(node).find((k) => k !== ':@');
  const value = key ? node[key] : undefined;
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attr(node: XmlNode | undefined, name: string): string | undefined {
  const attributes = node?.[':@'] as Record<string, string> | undefined;
  return attributes?.[name];
}
