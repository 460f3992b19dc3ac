/**
 * A fake camera for the scanner: a Y4M video showing one QR code, which Chromium plays as its webcam
 * (--use-file-for-fake-video-capture). The organizer's page then reads the code through the real
 * camera path (getUserMedia → qr-scanner), as a phone pointed at a member's screen would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';

export function writeQrVideo(text: string, size = 480, frames = 10): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  // Half the frame, centred: inside the scanner's default scan region (the middle two thirds).
  const scale = Math.floor((size * 0.5) / modules);
  const offset = Math.floor((size - modules * scale) / 2);
  const luma = Buffer.alloc(size * size, 235);
  for (let y = 0; y < modules * scale; y++) {
    for (let x = 0; x < modules * scale; x++) {
      if (qr.modules.get(Math.floor(y / scale), Math.floor(x / scale))) luma[(offset + y) * size + offset + x] = 16;
    }
  }
  const chroma = Buffer.alloc((size / 2) * (size / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${size} H${size} F10:1 Ip A1:1 C420jpeg\n`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qt-qr-')), 'camera.y4m');
  fs.writeFileSync(file, Buffer.concat([header, ...Array(frames).fill(frame)]));
  return file;
}
