/**
 * Lossless removal of a JPEG's metadata: the file is walked marker by marker and the segments that
 * carry metadata (APP1 = EXIF/XMP with camera, time and GPS position; APP3–APP13, APP15; comments)
 * are left out, while the image data is copied byte for byte. The segments the decoder needs stay:
 * APP0 (JFIF), APP2 (ICC colour profile), APP14 (Adobe colour transform), tables, frame and scans.
 * No library does this without re-encoding (sharp/libvips always re-encode), and re-encoding a
 * photograph costs ~10× more CPU than this walk plus a reduced-scale decode for the thumbnail.
 *
 * Returns null when the bytes are not a well-formed JPEG up to the first scan; the caller then takes
 * the re-encoding path, which decides whether the file is readable at all.
 */
const KEEP_APP = new Map<number, string[]>([[0xe0, ['JFIF\0', 'JFXX\0']], [0xe2, ['ICC_PROFILE\0']], [0xee, ['Adobe']]]);

/** An application segment is kept only when it is one of those and says so in its identifier. */
function keepApp(input: Buffer, at: number, end: number): boolean {
  const ids = KEEP_APP.get(input[at + 1]);
  return !!ids && ids.some((id) => input.toString('latin1', at + 4, Math.min(end, at + 4 + id.length)) === id);
}

export function stripJpegMetadata(input: Buffer): Buffer | null {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== 0xd8) return null;
  const parts: Buffer[] = [input.subarray(0, 2)];
  let dropped = false;
  let at = 2;
  while (at + 4 <= input.length) {
    if (input[at] !== 0xff) return null;
    const marker = input[at + 1];
    if (marker === 0xff) { at++; continue; } // fill byte
    // Markers without a length: TEM and RST (should not appear here), and EOI (an image with no scan).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { parts.push(input.subarray(at, at + 2)); at += 2; continue; }
    if (marker === 0xd9) return null;
    const length = input.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > input.length) return null;
    const end = at + 2 + length;
    if (marker === 0xda) {
      // Start of scan: from here on, entropy-coded data and any further tables and scans, copied as is.
      // Nothing left out (a page the phone already compressed): the input itself, no 1 MB copy.
      if (!dropped) return input;
      parts.push(input.subarray(at));
      return Buffer.concat(parts);
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const isComment = marker === 0xfe;
    if (isApp ? keepApp(input, at, end) : !isComment) parts.push(input.subarray(at, end));
    else dropped = true;
    at = end;
  }
  return null;
}

/** Start-of-frame markers (SOF0–SOF15 without DHT, JPG and DAC): they carry the image's size. */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * The size of a JPEG from its frame header, read without a decoder, and whether it carries an APP1
 * segment (EXIF or XMP, where an orientation would be). Null unless the headers are well formed up to
 * the first scan with a frame of non-zero size; the caller then asks a decoder.
 */
export function jpegHeader(input: Buffer): { width: number; height: number; app1: boolean } | null {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== 0xd8) return null;
  let size: { width: number; height: number } | null = null;
  let app1 = false;
  let at = 2;
  while (at + 4 <= input.length) {
    if (input[at] !== 0xff) return null;
    const marker = input[at + 1];
    if (marker === 0xff) { at++; continue; }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; }
    if (marker === 0xd9) return null;
    const length = input.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > input.length) return null;
    if (marker === 0xda) return size && { ...size, app1 };
    if (marker === 0xe1) app1 = true;
    if (isSof(marker) && !size) {
      if (length < 8) return null;
      const height = input.readUInt16BE(at + 5);
      const width = input.readUInt16BE(at + 7);
      if (!width || !height) return null;
      size = { width, height };
    }
    at += 2 + length;
  }
  return null;
}
