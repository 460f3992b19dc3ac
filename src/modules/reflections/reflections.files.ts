import sharp from 'sharp';
import { jpegHeader, stripJpegMetadata } from '../../kernel/files/jpeg.js';
import type { FileStore } from '../../kernel/files/store.js';
import { RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import type { ReflectionPage } from './reflections.table.js';

/** Uploads are recognised by content, never by name or declared type. */
export const MAX_FILE_BYTES = 15 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;
const LONG_SIDE = 2400;
const THUMB_SIDE = 360;

export type UploadKind = 'jpeg' | 'png' | 'webp' | 'heic' | 'pdf';
/**
 * A file received. `chunks` (with `size`), when present, are the same bytes as received off the
 * socket; `bytes` then joins them on first use only, so a page that needs no decoding is hashed and
 * written without a second megabyte-sized copy (reflections.multipart.ts).
 */
export interface Upload { name: string; bytes: Buffer; chunks?: readonly Buffer[]; size?: number }

const sizeOf = (u: Upload) => u.size ?? u.bytes.length;

/** The first `n` bytes (or all) as one buffer, copying at most `n` bytes. */
function headOf(u: Upload, n = 64 * 1024): Buffer {
  if (!u.chunks) return u.bytes.subarray(0, n);
  const want = Math.min(n, sizeOf(u));
  if (u.chunks.length === 0 || u.chunks[0].length >= want) return (u.chunks[0] ?? Buffer.alloc(0)).subarray(0, want);
  const parts: Buffer[] = [];
  let have = 0;
  for (const c of u.chunks) { if (have >= want) break; parts.push(c); have += c.length; }
  return Buffer.concat(parts, Math.min(have, want));
}

/** The last two bytes, across chunks. */
function lastTwo(u: Upload): [number, number] | null {
  if (!u.chunks) return u.bytes.length >= 2 ? [u.bytes[u.bytes.length - 2], u.bytes[u.bytes.length - 1]] : null;
  const tail: number[] = [];
  for (let i = u.chunks.length - 1; i >= 0 && tail.length < 2; i--) {
    for (let k = u.chunks[i].length - 1; k >= 0 && tail.length < 2; k--) tail.unshift(u.chunks[i][k]);
  }
  return tail.length === 2 ? [tail[0], tail[1]] : null;
}

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
  if (sizeOf(file) > MAX_FILE_BYTES) {
    throw new ValidationError('file.too_large', `${file.name}: ${sizeOf(file)} bytes`, { title: `Tệp "${file.name}" vượt quá ${mb(MAX_FILE_BYTES)}` });
  }
  const kind = detectKind(headOf(file, 16));
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
  const head = headOf(file);
  const meta = quickJpegMeta(head) ?? await sharp(file.bytes).metadata().catch(() => null);
  if (!meta?.width || !meta.height) throw unreadable(file);
  if (meta.width * meta.height > MAX_PIXELS) {
    throw new ValidationError('file.too_large', `${file.name}: ${meta.width}x${meta.height}`, {
      title: `Ảnh "${file.name}" quá lớn (${meta.width}×${meta.height} điểm ảnh, tối đa ${MAX_PIXELS / 1_000_000} triệu)`,
    });
  }
  const upright = (meta.orientation ?? 1) === 1;
  const stripped = meta.format === 'jpeg' && upright && Math.max(meta.width, meta.height) <= LONG_SIDE && endsWithEoi(file)
    ? stripped1(file, head) : null;
  if (stripped && opts.thumbnail === 'page') {
    const fileHash = await files.put(stripped.parts.length === 1 ? stripped.parts[0] : stripped.parts);
    return { fileHash, thumbHash: fileHash, mime: 'image/jpeg', width: meta.width, height: meta.height, bytes: stripped.size };
  }
  const page = stripped
    ? { data: joined(stripped), info: { width: meta.width, height: meta.height } }
    : await sharp(file.bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate()
      .resize({ width: LONG_SIDE, height: LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true }).catch(() => { throw unreadable(file); });
  // The thumbnail first: a page whose data cannot be decoded is refused before anything is stored.
  const thumb = await sharp(page.data, { failOn: 'truncated' })
    .resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 70 }).toBuffer().catch(() => { throw unreadable(file); });
  const fileHash = await files.put(page.data);
  const thumbHash = await files.put(thumb);
  return { fileHash, thumbHash, mime: 'image/jpeg', width: page.info.width, height: page.info.height, bytes: page.data.length };
}

interface Stripped { parts: readonly Buffer[]; size: number }
const joined = (s: Stripped) => (s.parts.length === 1 ? s.parts[0] : Buffer.concat(s.parts as Buffer[], s.size));

/**
 * The JPEG without its metadata: when its headers (within the first 64 KB) carry none, the bytes as
 * received, not copied; otherwise the stripped file. Null when not well formed up to its first scan.
 */
function stripped1(file: Upload, head: Buffer): Stripped | null {
  const fromHead = stripJpegMetadata(head);
  if (fromHead === head) return file.chunks ? { parts: file.chunks, size: sizeOf(file) } : { parts: [file.bytes], size: file.bytes.length };
  const out = stripJpegMetadata(file.bytes);
  return out && { parts: [out], size: out.length };
}

/**
 * What sharp's metadata says of a JPEG without EXIF or XMP (so upright), read from its frame header
 * without a call into libvips; null for anything else, which sharp reads.
 */
function quickJpegMeta(b: Buffer): { format: 'jpeg'; width: number; height: number; orientation: 1 } | null {
  if (detectKind(b) !== 'jpeg') return null;
  const header = jpegHeader(b);
  return header && !header.app1 ? { format: 'jpeg', width: header.width, height: header.height, orientation: 1 } : null;
}

/** A complete JPEG ends with its end-of-image marker (a photo cut off in transfer does not). */
function endsWithEoi(file: Upload): boolean {
  const tail = lastTwo(file);
  return sizeOf(file) > 4 && !!tail && tail[0] === 0xff && tail[1] === 0xd9;
}

function unreadable(file: Upload) {
  return new RuleViolationError('file.unreadable', `${file.name}: cannot decode`, {
    title: `Không đọc được ảnh "${file.name}" (tệp hỏng hoặc định dạng HEIC chưa hỗ trợ); hãy chụp lại hoặc chọn ảnh JPEG`,
  });
}
