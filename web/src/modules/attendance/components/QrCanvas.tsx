import { useEffect, useRef } from 'react';
import QRCode from 'qrcode';

/** The invitation code drawn as a QR code (error correction M: still reads from a worn printout). */
export function QrCanvas({ value, size = 280 }: { value: string; size?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) void QRCode.toCanvas(ref.current, value, { width: size, margin: 2, errorCorrectionLevel: 'M' });
  }, [value, size]);
  return <canvas ref={ref} aria-label="Mã QR điểm danh" data-code={value} />;
}
