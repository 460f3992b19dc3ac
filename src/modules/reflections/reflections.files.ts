import sharp from 'sharp';
import { stripJpegMetadata } from '../../kernel/files/jpeg.js';
import type { FileStore } from '../../kernel/files/store.js';
import { RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import type { ReflectionPage } from './reflections.table.js';

/** Uploads are recognised by content, never by name or declared type. */
export const MAX_FILE_BYTES = 15 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;
const LONG_SIDE = 2400;
const THUMB_SIDE = 360;

export type UploadKind = 'jpeg' | 'png' | 'webp' | 'heic' | 'pdf';
export interface Upload { name: string; bytes: Buffer }

const HEIC_BRANDS = ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'];

export function detectKind(b: Buffer): UploadKind | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp' && HEIC_BRANDS.includes(b.toString('latin1', 8, 12))) return 'heic';
  if (b.length >= 5 && b.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  return null;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Refuses a file over the size limit or of a kind not allowed, naming it. */
export function checkUpload(file: Upload): UploadKind {
  if (file.bytes.length > MAX_FILE_BYTES) {
    throw new ValidationError('file.too_large', `${file.name}: ${file.bytes.length} bytes`, { title: `Tệp "${file.name}" vượt quá ${mb(MAX_FILE_BYTES)}` });
  }
  const kind = detectKind(file.bytes);
  if (!kind) {
    throw new ValidationError('file.type', `${file.name}: unknown content`, {
      title: `Tệp "${file.name}" không phải ảnh (JPEG, PNG, WebP, HEIC) hoặc PDF`,
    });
  }
  return kind;
}

/**
 * An image page: pixel count checked from the header before decoding; then either
 * - a JPEG already upright and no larger than a page needs (what the app's own page compressor sends)
 *   loses its metadata losslessly (kernel/files/jpeg.ts); it must run from its header through its
 *   scans to the end-of-image marker, else it takes the re-encoding path below; or
 * - anything else is turned upright from its EXIF orientation, scaled down and re-encoded as JPEG
 *   without metadata (a decode that also proves it readable).
 * Either way no camera metadata is stored. The thumbnail (`thumbnail: 'make'`, a reduced-scale decode,
 * ~20 ms of CPU for a 1 MB photo) is made for pages shown in grids (a branch's scanned stack); a
 * member's own pages, already compressed on the phone to a page's size, serve as their own preview
 * (`thumbnail: 'page'`), which keeps a deadline rush of submissions within two cores.
 */
export async function storeImagePage(files: FileStore, file: Upload, opts: { thumbnail: 'make' | 'page' } = { thumbnail: 'make' }): Promise<ReflectionPage> {
  const meta = await sharp(file.bytes).metadata().catch(() => null);
  if (!meta?.width || !meta.height) throw unreadable(file);
  if (meta.width * meta.height > MAX_PIXELS) {
    throw new ValidationError('file.too_large', `${file.name}: ${meta.width}x${meta.height}`, {
      title: `Ảnh "${file.name}" quá lớn (${meta.width}×${meta.height} điểm ảnh, tối đa ${MAX_PIXELS / 1_000_000} triệu)`,
    });
  }
  const upright = (meta.orientation ?? 1) === 1;
  const stripped = meta.format === 'jpeg' && upright && Math.max(meta.width, meta.height) <= LONG_SIDE && endsWithEoi(file.bytes)
    ? stripJpegMetadata(file.bytes) : null;
  const page = stripped
    ? { data: stripped, info: { width: meta.width, height: meta.height } }
    : await sharp(file.bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate()
      .resize({ width: LONG_SIDE, height: LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true }).catch(() => { throw unreadable(file); });
  if (stripped && opts.thumbnail === 'page') {
    const fileHash = await files.put(page.data);
    return { fileHash, thumbHash: fileHash, mime: 'image/jpeg', width: page.info.width, height: page.info.height, bytes: page.data.length };
  }
  // The thumbnail first: a page whose data cannot be decoded is refused before anything is stored.
  const thumb = await sharp(page.data, { failOn: 'truncated' })
    .resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 70 }).toBuffer().catch(() => { throw unreadable(file); });
  const fileHash = await files.put(page.data);
  const thumbHash = await files.put(thumb);
  return { fileHash, thumbHash, mime: 'image/jpeg', width: page.info.width, height: page.info.height, bytes: page.data.length };
}

/** A complete JPEG ends with its end-of-image marker (a photo cut off in transfer does not). */
function endsWithEoi(b: Buffer): boolean {
  return b.length > 4 && b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;
}

function unreadable(file: Upload) {
  return new RuleViolationError('file.unreadable', `${file.name}: cannot decode`, {
    title: `Không đọc được ảnh "${file.name}" (tệp hỏng hoặc định dạng HEIC chưa hỗ trợ); hãy chụp lại hoặc chọn ảnh JPEG`,
  });
}
