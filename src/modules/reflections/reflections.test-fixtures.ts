import sharp from 'sharp';

export interface FilePart { name: string; bytes: Buffer; mime?: string }

/** A multipart body with several files under the field `files`. */
export function multipartFiles(fields: Record<string, string>, files: FilePart[]) {
  const boundary = `----qt${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.mime ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(f.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A small photo of a page: wider than tall, with a camera make and, if given, an EXIF orientation. */
export async function photo(opts: { width?: number; height?: number; orientation?: number; gray?: number } = {}): Promise<Buffer> {
  const { width = 64, height = 32, gray = 200 } = opts;
  const img = sharp({ create: { width, height, channels: 3, background: { r: gray, g: gray, b: gray } } });
  return img.jpeg({ quality: 80 }).withMetadata({ orientation: opts.orientation, exif: { IFD0: { Make: 'PhoneCam', Model: 'Model X' } } }).toBuffer();
}

export async function png(): Promise<Buffer> {
  return sharp({ create: { width: 20, height: 30, channels: 3, background: { r: 10, g: 20, b: 30 } } }).png().toBuffer();
}

export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
