import { PDFDocument } from 'pdf-lib';

/** A PDF of `n` pages, page i (1-based) being 100 + i points wide, so a test can tell which pages it holds. */
export async function pdfOfWidths(n: number, opts: { author?: string } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  if (opts.author) doc.setAuthor(opts.author);
  for (let i = 1; i <= n; i++) doc.addPage([100 + i, 300]).drawText(`Trang ${i}`, { x: 10, y: 150, size: 12 });
  return Buffer.from(await doc.save());
}

/** The widths of each page of a PDF, in order (page i of pdfOfWidths is 100 + i). */
export async function pageWidths(bytes: Buffer | Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((p) => Math.round(p.getWidth()));
}

/** A PDF whose trailer names an encryption dictionary, as a password-protected scan has. */
export async function encryptedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([100, 100]);
  doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4 }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
