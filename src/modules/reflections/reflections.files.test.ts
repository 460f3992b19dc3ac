import { createHash } from 'node:crypto';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectKind, storeImagePage } from './reflections.files.js';

const ftyp = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}`, 'latin1'), Buffer.alloc(8)]);

describe('detectKind', () => {
  it('recognises each allowed kind by its first bytes, whatever the name', () => {
    expect(detectKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('jpeg');
    expect(detectKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(detectKind(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(detectKind(ftyp('heic'))).toBe('heic');
    expect(detectKind(ftyp('mif1'))).toBe('heic');
    expect(detectKind(Buffer.from('%PDF-1.7\n', 'latin1'))).toBe('pdf');
  });
  it('refuses everything else, including near misses', () => {
    expect(detectKind(ftyp('isom'))).toBeNull(); // an MP4 video
    expect(detectKind(Buffer.from('RIFF\x10\x00\x00\x00AVI ', 'latin1'))).toBeNull();
    expect(detectKind(Buffer.from('%PD', 'latin1'))).toBeNull();
    expect(detectKind(Buffer.from('<html>', 'latin1'))).toBeNull();
    expect(detectKind(Buffer.alloc(0))).toBeNull();
  });
});

describe('storeImagePage', () => {
  const memoryStore = () => {
    const saved = new Map<string, Buffer>();
    const store = {
      put: async (parts: Buffer | readonly Buffer[]) => {
        const b = Buffer.isBuffer(parts) ? parts : Buffer.concat(parts);
        const h = createHash('sha256').update(b).digest('hex'); saved.set(h, b); return h;
      },
      get: async (h: string) => saved.get(h)!, pathOf: (h: string) => h,
    };
    return { store, saved };
  };
  const cameraJpeg = (orientation?: number) => sharp({ create: { width: 60, height: 40, channels: 3, background: '#ffffff', noise: { type: 'gaussian', mean: 180, sigma: 30 } } })
    .jpeg({ quality: 85 }).withMetadata({ orientation, exif: { IFD0: { Make: 'PhoneCam', ImageDescription: 'GPS 21.0285 105.8542' } } }).toBuffer();

  it('keeps an upright page pixel for pixel but without its camera metadata (no re-encoding)', async () => {
    const { store, saved } = memoryStore();
    const input = await cameraJpeg();
    const page = await storeImagePage(store, { name: 'trang-1.jpg', bytes: input });
    const stored = saved.get(page.fileHash)!;
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.includes(Buffer.from('PhoneCam'))).toBe(false);
    expect(await sharp(stored).raw().toBuffer()).toEqual(await sharp(input).raw().toBuffer());
    expect([page.width, page.height]).toEqual([60, 40]);
    expect(saved.has(page.thumbHash)).toBe(true);
  });

  it('turns a sideways photo upright by re-encoding it, without metadata', async () => {
    const { store, saved } = memoryStore();
    const page = await storeImagePage(store, { name: 'trang-2.jpg', bytes: await cameraJpeg(6) });
    expect([page.width, page.height]).toEqual([40, 60]);
    const meta = await sharp(saved.get(page.fileHash)!).metadata();
    expect([meta.exif, meta.orientation ?? 1]).toEqual([undefined, 1]);
  });

  it('refuses a JPEG whose image data is cut off, naming the file', async () => {
    const { store, saved } = memoryStore();
    const input = await cameraJpeg();
    await expect(storeImagePage(store, { name: 'trang-hong.jpg', bytes: input.subarray(0, Math.floor(input.length * 0.7)) }))
      .rejects.toMatchObject({ code: 'file.unreadable', title: expect.stringContaining('trang-hong.jpg') });
    expect(saved.size).toBe(0);
  });

  it('stores a page received in chunks byte for byte, without joining them, and checks it across the chunk borders', async () => {
    const { store, saved } = memoryStore();
    const input = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#ffffff', noise: { type: 'gaussian', mean: 180, sigma: 30 } } }).jpeg().toBuffer();
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 1, max: input.length - 1 }), { maxLength: 6 }), async (cuts) => {
      const at = [0, ...new Set(cuts)].sort((a, b) => a - b);
      const chunks = at.map((from, i) => input.subarray(from, at[i + 1] ?? input.length));
      const upload = { name: 'trang-1.jpg', chunks, size: input.length, get bytes(): Buffer { throw new Error('joined'); } };
      const page = await storeImagePage(store, upload, { thumbnail: 'page' });
      expect(saved.get(page.fileHash)).toEqual(input);
      expect([page.width, page.height, page.bytes]).toEqual([300, 200, input.length]);
      const cut = chunks.slice(0, -1).concat(chunks.at(-1)!.subarray(0, Math.max(0, chunks.at(-1)!.length - 1)));
      await expect(storeImagePage(store, { name: 'trang-dut.jpg', chunks: cut, size: input.length - 1, get bytes() { return Buffer.concat(cut); } }, { thumbnail: 'page' }))
        .rejects.toMatchObject({ code: 'file.unreadable' });
    }), { numRuns: 30 });
  });

  it("keeps a member's own compressed page as its preview, and still refuses one cut off in transfer", async () => {
    const { store, saved } = memoryStore();
    const input = await cameraJpeg();
    const page = await storeImagePage(store, { name: 'trang-1.jpg', bytes: input }, { thumbnail: 'page' });
    expect(page.thumbHash).toBe(page.fileHash);
    expect((await sharp(saved.get(page.fileHash)!).metadata()).exif).toBeUndefined();
    await expect(storeImagePage(store, { name: 'trang-dut.jpg', bytes: input.subarray(0, input.length - 200) }, { thumbnail: 'page' }))
      .rejects.toMatchObject({ code: 'file.unreadable' });
    expect(saved.size).toBe(1);
  });
});
