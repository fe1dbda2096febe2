/**
 * Draws Tend's app icons as PNG files in web/public/icons (run: node scripts/make-icons.ts). No image
 * library: a sprout of two leaves on the brand teal, drawn per pixel with anti-aliased edges, written
 * with zlib. The maskable icon keeps the drawing inside the central 80% safe zone and fills the rest.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const teal = [8, 127, 91] as const;
const white = [255, 255, 255] as const;

/** 0..1 coverage of the sprout at (x, y) in a unit square centred on (0.5, 0.5). */
function sproutCoverage(x: number, y: number, pixel: number): number {
  const inEllipse = (cx: number, cy: number, rx: number, ry: number, angle: number) => {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const dx = x - cx;
    const dy = y - cy;
    const u = (dx * cos + dy * sin) / rx;
    const v = (-dx * sin + dy * cos) / ry;
    const distance = Math.sqrt(u * u + v * v);
    return Math.min(1, Math.max(0, ((1 - distance) * Math.min(rx, ry)) / pixel + 0.5));
  };
  const stem = Math.abs(x - 0.5) < 0.035 && y > 0.45 && y < 0.8 ? 1 : 0;
  const left = inEllipse(0.36, 0.42, 0.17, 0.08, Math.PI / 5);
  const right = inEllipse(0.64, 0.36, 0.19, 0.09, -Math.PI / 5);
  return Math.max(stem, left, right);
}

function drawIcon(size: number, { isMaskable }: { isMaskable: boolean }): Buffer {
  const rows: Buffer[] = [];
  const scale = isMaskable ? 0.8 : 1;
  const radius = isMaskable ? 0 : 0.2;
  for (let row = 0; row < size; row++) {
    const line = Buffer.alloc(1 + size * 4);
    for (let column = 0; column < size; column++) {
      const x = (column + 0.5) / size;
      const y = (row + 0.5) / size;
      // Rounded-square background (full bleed for maskable).
      const cornerX = Math.max(0, Math.abs(x - 0.5) - (0.5 - radius));
      const cornerY = Math.max(0, Math.abs(y - 0.5) - (0.5 - radius));
      const outside = Math.sqrt(cornerX ** 2 + cornerY ** 2) - radius;
      const background = radius === 0 ? 1 : Math.min(1, Math.max(0, 0.5 - outside * size));
      const sprout = sproutCoverage((x - 0.5) / scale + 0.5, (y - 0.5) / scale + 0.5, 1 / (size * scale));
      const offset = 1 + column * 4;
      for (let channel = 0; channel < 3; channel++) {
        line[offset + channel] = Math.round(teal[channel]! * (1 - sprout) + white[channel]! * sprout);
      }
      line[offset + 3] = Math.round(255 * background);
    }
    rows.push(line);
  }
  return encodePng(size, Buffer.concat(rows));
}

function encodePng(size: number, raw: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const directory = new URL('../web/public/icons/', import.meta.url);
for (const size of [192, 512]) {
  writeFileSync(new URL(`icon-${size}.png`, directory), drawIcon(size, { isMaskable: false }));
  writeFileSync(new URL(`icon-maskable-${size}.png`, directory), drawIcon(size, { isMaskable: true }));
}
writeFileSync(new URL('apple-touch-icon.png', directory), drawIcon(180, { isMaskable: true }));
