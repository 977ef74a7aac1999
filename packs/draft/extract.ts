/**
 * A policy document's text, from plain text, Markdown, PDF (pdfjs-dist, on the main thread:
 * no worker is fetched) or Word .docx (mammoth). Runs in Node and in the browser; the caller
 * reads the file. Bad input is an ExtractError with a message for people, never a crash.
 */

export class ExtractError extends Error {
  override name = 'ExtractError';
}

/** Policies run to a few hundred kilobytes; a larger file is not a policy document. */
export const MAX_BYTES = 20 * 1024 * 1024;

/**
 * A policy's text runs to tens of thousands of characters (the longest seed, 40 pages, is under
 * 150,000); more than this is not one policy, and would take minutes to draft.
 */
export const MAX_TEXT_CHARS = 1_000_000;

export type DocumentKind = 'text' | 'pdf' | 'docx';

function bytesOf(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** The kind of a document, from its first bytes (a file name's extension can lie). */
export function kindOf(bytes: Uint8Array): DocumentKind | 'zip' | 'binary' {
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head === '%PDF-') return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'zip';
  // Text has no NUL bytes and few control characters; anything else is some binary format.
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'binary';
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length * 0.01 ? 'binary' : 'text';
}

function decodeText(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '');
  } catch {
    // Not UTF-8: Windows-1252 is what older Word "Save as text" writes.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The document's text; `name` (a file name) only words the messages. */
export async function extractText(data: ArrayBuffer | Uint8Array | string, name = 'the document'): Promise<{ text: string; kind: DocumentKind }> {
  if (typeof data === 'string') return { text: checked(data.replace(/\r\n?/g, '\n'), name), kind: 'text' };
  const bytes = bytesOf(data);
  if (bytes.length === 0) throw new ExtractError(`${name} is empty`);
  if (bytes.length > MAX_BYTES)
    throw new ExtractError(`${name} is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; a policy document is expected to be under ${MAX_BYTES / 1024 / 1024} MB`);
  const kind = kindOf(bytes);
  if (kind === 'pdf') return { text: checked(await pdfText(bytes, name), name, 'pdf'), kind };
  if (kind === 'zip') return { text: checked(await docxText(bytes, name), name), kind: 'docx' };
  if (kind === 'binary') throw new ExtractError(`${name} is not text, PDF or a Word .docx file (it looks like some other binary format)`);
  return { text: checked(decodeText(bytes).replace(/\r\n?/g, '\n'), name), kind };
}

function checked(text: string, name: string, kind?: 'pdf'): string {
  const words = text.match(/\p{L}{2,}/gu)?.length ?? 0;
  if (words === 0 && kind === 'pdf')
    throw new ExtractError(`${name} has no text layer (a scanned PDF?): run it through OCR, or paste the policy's text instead`);
  if (words === 0) throw new ExtractError(`${name} has no text in it`);
  if (words < 20) throw new ExtractError(`${name} has only ${words} words: too little to be a policy`);
  if (text.length > MAX_TEXT_CHARS)
    throw new ExtractError(
      `${name} has ${(text.length / 1e6).toFixed(1)} million characters of text; a policy document is expected to have under ${MAX_TEXT_CHARS / 1e6} million (split it, or paste the social media policy alone)`,
    );
  return text;
}

type PdfTextItem = Pick<import('pdfjs-dist/types/src/display/api').TextItem, 'str' | 'hasEOL' | 'transform' | 'height'>;

/**
 * A PDF's text, page by page: items on one baseline make a line; a gap between lines wider
 * than usual, or a change of font size, starts a new paragraph (a blank line), so that the
 * clause splitter sees headings and paragraphs as it does in a text file.
 */
async function pdfText(bytes: Uint8Array, name: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The worker's code on the main thread: no worker script to fetch, in Node or the browser.
  const scope = globalThis as { pdfjsWorker?: unknown };
  scope.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({
      // A copy as a plain Uint8Array (pdfjs refuses Node's Buffer, and takes over what it is given).
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const why = (err as { name?: string }).name === 'PasswordException' ? 'is password-protected' : `could not be read as a PDF (${(err as Error).message})`;
    throw new ExtractError(`${name} ${why}`);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.flatMap((i) => ('str' in i ? [i] : []))));
      page.cleanup();
    }
    return dropRunningHeaders(pages).join('\n\n');
  } finally {
    await doc.destroy();
  }
}

function pageText(items: PdfTextItem[]): string {
  const lines: { y: number; size: number; text: string }[] = [];
  let current: { y: number; size: number; text: string } | undefined;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const size = item.height || Math.abs(item.transform[3] ?? 0);
    if (current && Math.abs(current.y - y) > Math.max(2, size * 0.5) && item.str) {
      lines.push(current);
      current = undefined;
    }
    if (item.str) {
      if (!current) current = { y, size, text: item.str };
      else current.text += (/\s$/.test(current.text) || /^\s/.test(item.str) ? '' : needsSpace(current.text, item.str) ? ' ' : '') + item.str;
      current.size = Math.max(current.size, size);
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  const kept = lines.filter((l) => l.text.trim());
  const gaps = kept.slice(1).map((l, i) => kept[i]!.y - l.y).filter((g) => g > 0);
  const usual = gaps.length ? gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : 0;
  const out: string[] = [];
  kept.forEach((line, i) => {
    const prev = kept[i - 1];
    if (prev) {
      const gap = prev.y - line.y;
      const newParagraph = gap > usual * 1.4 || gap < 0 || Math.abs(prev.size - line.size) > 0.5;
      out.push(newParagraph ? '\n\n' : '\n');
    }
    out.push(line.text.trim());
  });
  return out.join('');
}

/** pdfjs splits a line into runs; a space goes between runs that are separate words. */
function needsSpace(before: string, after: string): boolean {
  return /[\p{L}\p{N}.,;:!?)]$/u.test(before) && /^[\p{L}\p{N}(]/u.test(after);
}

/** Lines that repeat at the top or bottom of most pages (running headers, page numbers). */
function dropRunningHeaders(pages: string[]): string[] {
  if (pages.length < 3) return pages;
  const edges = new Map<string, number>();
  const key = (l: string) => l.replace(/\d+/g, '#').trim();
  for (const page of pages) {
    const lines = page.split('\n').filter((l) => l.trim());
    for (const l of new Set([lines[0], lines.at(-1)])) if (l) edges.set(key(l), (edges.get(key(l)) ?? 0) + 1);
  }
  const repeated = new Set([...edges].filter(([, n]) => n >= pages.length * 0.6).map(([k]) => k));
  return pages.map((page) =>
    page
      .split('\n')
      .filter((l, i, all) => !((i < 2 || i >= all.length - 2) && repeated.has(key(l))))
      .join('\n'),
  );
}

/**
 * A .docx's text via mammoth's HTML: headings and paragraphs on lines of their own, list items
 * as "- " lines, tables' cells separated by tabs (the clause splitter skips tables).
 */
async function docxText(bytes: Uint8Array, name: string): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`.
    const input = { buffer: bytes, arrayBuffer: buffer } as unknown as { arrayBuffer: ArrayBuffer };
    html = (await mammoth.convertToHtml(input, { ignoreEmptyParagraphs: true })).value;
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    throw new ExtractError(
      /main document part|word\/document\.xml|end of central directory|zip/i.test(message)
        ? `${name} is a zip file but not a Word .docx document`
        : `${name} could not be read as a Word document (${message})`,
    );
  }
  return htmlToText(html);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function htmlToText(html: string): string {
  return html
    .replace(/<\/t[dh]>\s*<t[dh][^>]*>/g, '\t')
    .replace(/<h([1-6])[^>]*>/g, (_m, level: string) => `\n\n${'#'.repeat(Number(level))} `)
    .replace(/<li[^>]*>/g, '\n- ')
    .replace(/<(?:p|tr|br|\/h[1-6]|\/p|\/li|\/tr|\/ul|\/ol|ul|ol)[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) =>
      e.startsWith('#') ? String.fromCodePoint(parseInt(e.slice(1).replace(/^x/i, ''), /^#x/i.test(e) ? 16 : 10)) : (ENTITIES[e] ?? m),
    )
    .replace(/[ \t]*\n[ \t]*(?=\n)/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
