import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { jpegHeader, stripJpegMetadata } from './jpeg.js';

async function photo(opts: { comment?: boolean; gps?: boolean; width?: number; height?: number } = {}) {
  const img = sharp({ create: { width: opts.width ?? 48, height: opts.height ?? 32, channels: 3, background: '#ffffff', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
  return img.jpeg({ quality: 80 })
    .withMetadata({ exif: { IFD0: { Make: 'PhoneCam', Model: 'Model X', ...(opts.gps ? { ImageDescription: 'GPS 21.0285 105.8542' } : {}) } }, icc: 'srgb' })
    .toBuffer();
}

const pixels = async (b: Buffer) => sharp(b).raw().toBuffer();

describe('stripJpegMetadata', () => {
  it('drops the camera metadata and keeps every pixel and the colour profile', async () => {
    const input = await photo({ gps: true });
    const before = await sharp(input).metadata();
    expect([!!before.exif, !!before.icc]).toEqual([true, true]);
    const out = stripJpegMetadata(input)!;
    const after = await sharp(out).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeDefined();
    expect(out.includes(Buffer.from('PhoneCam'))).toBe(false);
    expect(out.includes(Buffer.from('21.0285'))).toBe(false);
    expect(await pixels(out)).toEqual(await pixels(input));
    expect(out.length).toBeLessThan(input.length);
  });

  it('leaves a file without metadata byte for byte the same', async () => {
    const clean = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } }).jpeg().toBuffer();
    expect(stripJpegMetadata(clean)).toEqual(clean);
  });

  it('refuses what is not a JPEG up to its first scan, so the caller re-encodes or rejects it', async () => {
    const input = await photo();
    expect(stripJpegMetadata(Buffer.from('%PDF-1.4'))).toBeNull();
    expect(stripJpegMetadata(input.subarray(0, 40))).toBeNull();
    expect(stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
  });

  it('never throws and never returns a file a decoder reads EXIF or XMP from, whatever the damage', async () => {
    const input = await photo({ gps: true });
    // Damage concentrated in the headers, where the segments are (the scan data is copied as is).
    await fc.assert(fc.asyncProperty(fc.nat({ max: 400 }), fc.integer({ min: 0, max: 255 }), async (at, value) => {
      const damaged = Buffer.from(input);
      damaged[at] = value;
      const out = stripJpegMetadata(damaged);
      if (!out) return;
      const meta = await sharp(out).metadata().catch(() => null);
      expect(meta?.exif).toBeUndefined();
      expect(meta?.xmp).toBeUndefined();
    }), { numRuns: 400 });
  });

  it('gives the input itself when there is nothing to leave out (no copy of a page the phone compressed)', async () => {
    const clean = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } }).jpeg().toBuffer();
    expect(stripJpegMetadata(clean)).toBe(clean);
  });
});

describe('jpegHeader', () => {
  it('reads the size sharp reads, and says whether EXIF or XMP may hold an orientation', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1, max: 900 }), fc.boolean(), fc.boolean(), async (width, height, exif, progressive) => {
      const img = sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).jpeg({ progressive });
      const bytes = await (exif ? img.withMetadata({ orientation: 1 }) : img).toBuffer();
      const meta = await sharp(bytes).metadata();
      expect(jpegHeader(bytes)).toEqual({ width: meta.width, height: meta.height, app1: !!meta.exif });
    }), { numRuns: 25 });
  });

  it('reads nothing from what is not a JPEG up to its first scan', async () => {
    const input = await photo();
    expect(jpegHeader(Buffer.from('%PDF-1.4'))).toBeNull();
    expect(jpegHeader(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
    const sos = input.indexOf(Buffer.from([0xff, 0xda]));
    expect(jpegHeader(input.subarray(0, sos))).toBeNull();
    expect(jpegHeader(input.subarray(0, sos + 4))).toBeNull();
  });
});
