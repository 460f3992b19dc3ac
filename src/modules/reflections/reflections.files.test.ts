import { describe, expect, it } from 'vitest';
import { detectKind } from './reflections.files.js';

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
