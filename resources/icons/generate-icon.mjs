#!/usr/bin/env node
/**
 * Draws the app icon (512×512 PNG): a rounded square with three connected nodes, the
 * connector graph. Pure Node (zlib + a CRC32), so the icon is reproducible without image tools:
 *   node resources/icons/generate-icon.mjs   → resources/icons/icon.png
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 512;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const nodes = [
  [150, 180],
  [362, 180],
  [256, 350],
];
const edges = [
  [0, 2],
  [1, 2],
  [0, 1],
];

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y, margin, radius) {
  const min = margin;
  const max = SIZE - margin;
  const cx = Math.max(min + radius, Math.min(max - radius, x));
  const cy = Math.max(min + radius, Math.min(max - radius, y));
  return Math.hypot(x - cx, y - cy) <= radius && x >= min && x <= max && y >= min && y <= max;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y += 1) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x += 1) {
    const i = row + 1 + x * 4;
    let rgba = [0, 0, 0, 0];
    if (insideRoundedSquare(x + 0.5, y + 0.5, 24, 96)) {
      const t = (x + y) / (2 * SIZE);
      rgba = [Math.round(43 + t * 36), Math.round(58 + t * 49), Math.round(103 + t * 113), 255];
      const nearEdge = edges.some(([a, b]) => distanceToSegment(x, y, nodes[a], nodes[b]) <= 14);
      if (nearEdge) rgba = [200, 214, 255, 255];
      for (const [nx, ny] of nodes) {
        const d = Math.hypot(x - nx, y - ny);
        if (d <= 58) rgba = [255, 255, 255, 255];
        if (d <= 30) rgba = [255, 153, 51, 255];
      }
    }
    raw.set(rgba, i);
  }
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'icon.png'), png);
console.log(`icon.png: ${png.length} bytes`);
