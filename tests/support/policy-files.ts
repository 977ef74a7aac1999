/**
 * Policy documents as PDF (pdf-lib) and Word .docx (jszip, the minimal WordprocessingML parts)
 * files, for the drafter's tests and benchmark: headings in a larger font or a heading style,
 * paragraphs wrapped as a word processor would, list items as bullets.
 */
import JSZip from 'jszip';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export interface Block {
  kind: 'heading' | 'paragraph' | 'item';
  text: string;
}

/** Markdown-ish text (# headings, - items, blank-line paragraphs) as blocks. */
export function blocksOf(text: string): Block[] {
  return text
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) =>
      l.startsWith('#') ? { kind: 'heading', text: l.replace(/^#+\s*/, '') } : l.startsWith('- ') ? { kind: 'item', text: l.slice(2) } : { kind: 'paragraph', text: l },
    );
}

export async function policyPdf(blocks: readonly Block[], options: { minPages?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([595, 842]);
  let y = 780;
  const newPage = () => {
    page = doc.addPage([595, 842]);
    y = 780;
  };
  for (const block of blocks) {
    const size = block.kind === 'heading' ? 14 : 11;
    const f = block.kind === 'heading' ? bold : font;
    const indent = block.kind === 'item' ? 70 : 50;
    const words = block.text.split(/\s+/);
    const lines: string[] = [];
    let line = '';
    for (const w of words) {
      const next = line ? `${line} ${w}` : w;
      if (f.widthOfTextAtSize(next, size) > 595 - indent - 50 && line) {
        lines.push(line);
        line = w;
      } else line = next;
    }
    if (line) lines.push(line);
    y -= block.kind === 'item' ? 4 : 12;
    for (const [i, l] of lines.entries()) {
      if (y < 60) newPage();
      if (block.kind === 'item' && i === 0) page.drawText('\u2022', { x: indent - 12, y, size, font: f });
      page.drawText(l, { x: indent, y, size, font: f, color: rgb(0, 0, 0) });
      y -= size * 1.3;
    }
  }
  while (doc.getPageCount() < (options.minPages ?? 1)) newPage();
  return doc.save();
}

/** A PDF of one page that is only an image: what a scanner makes. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  for (let i = 0; i < 30; i++) page.drawRectangle({ x: 50, y: 780 - i * 22, width: 300 + (i % 5) * 30, height: 8, color: rgb(0.2, 0.2, 0.2) });
  return doc.save();
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function policyDocx(blocks: readonly Block[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
  );
  // A bulleted list, as Word defines one: list items point at numbering 1, a bullet format.
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
  );
  zip.file(
    'word/numbering.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = blocks
    .map((b) => {
      const style = b.kind === 'heading' ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' : b.kind === 'item' ? '<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : '';
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${escape(b.text)}</w:t></w:r></w:p>`;
    })
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

/** A policy written for the tests (not one of the seeds), laid out as school policies are: numbered sections and clauses. */
export const POLICY = `Riverside Academy Trust
Staff Social Media Policy

1. Purpose
This policy sets out how staff use social media, in and out of work.

2. Photographs and names of pupils
2.1 Staff must not post photographs or videos of pupils on their personal social media accounts.
2.2 Pupils' full names must never be published alongside their photographs.

3. Professional conduct
3.1 Staff must not use social media to criticise or complain about the Trust, its schools, colleagues or parents.
3.2 Staff must not post anything that is offensive, discriminatory or abusive.
3.3 Confidential information about pupils, staff or the Trust must not be shared online.

4. Contact with pupils
Staff must not accept friend requests from, or follow, current pupils on social media.

5. Review
This policy will be reviewed every two years by the Trust board.
`;
