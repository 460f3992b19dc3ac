import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Page thumbnails of a PDF drawn in the browser with PDF.js (the legacy build, for older phones). The
 * library and its worker load only when a PDF batch is opened.
 */
let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;

function loadPdfjs() {
  pdfjs ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url')])
    .then(([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    });
  return pdfjs;
}

export async function openPdfDocument(url: string): Promise<PDFDocumentProxy> {
  const lib = await loadPdfjs();
  return lib.getDocument({ url, withCredentials: true }).promise;
}

/** Page `n` (1-based) drawn `width` CSS pixels wide (sharper on dense screens), as a JPEG data URL. */
export async function renderThumbnail(doc: PDFDocumentProxy, n: number, width: number): Promise<string> {
  const page = await doc.getPage(n);
  const ratio = Math.min(window.devicePixelRatio || 1, 2);
  const viewport = page.getViewport({ scale: (width * ratio) / page.getViewport({ scale: 1 }).width });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  await page.render({ canvas, viewport }).promise;
  page.cleanup();
  return canvas.toDataURL('image/jpeg', 0.75);
}
