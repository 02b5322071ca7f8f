#!/usr/bin/env node
/**
 * Draws the add-in's icons (a white check mark on a red rounded square) into assets/icon-N.png.
 *
 * The PNGs are committed, so this only needs running again when the design changes:
 *   node scripts/make-icons.js
 *
 * It is plain Node (zlib only) so that the icons can be remade on any machine without an image
 * library or a design tool; each size is drawn from the same geometry rather than scaled from one
 * bitmap, which keeps the 16 px ribbon icon crisp.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, '..', 'assets');

const RED = [200, 16, 46];
const WHITE = [255, 255, 255];

/** Samples per pixel along each axis; 4×4 is enough to anti-alias the edges without visible banding. */
const SUPERSAMPLE = 4;

// Geometry in unit coordinates (0..1 across the icon), so every size shares one design.
const CORNER_RADIUS = 0.2;
const CHECK_POINTS = [
  [0.24, 0.53],
  [0.43, 0.71],
  [0.77, 0.3],
];
const CHECK_WIDTH = 0.13;

function insideRoundedSquare(x, y) {
  const r = CORNER_RADIUS;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  const dx = x - cx;
  const dy = y - cy;
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && dx * dx + dy * dy <= r * r;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  const dx = px - (ax + t * vx);
  const dy = py - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

function onCheckMark(x, y) {
  for (let i = 0; i + 1 < CHECK_POINTS.length; i++) {
    // Distance to a segment clamps at its ends, which gives the stroke round caps and a round join.
    if (distanceToSegment(x, y, CHECK_POINTS[i], CHECK_POINTS[i + 1]) <= CHECK_WIDTH / 2) return true;
  }
  return false;
}

/** Returns straight (non-premultiplied) RGBA rows. */
function draw(size) {
  const rows = [];
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(size * 4);
    for (let px = 0; px < size; px++) {
      let background = 0;
      let mark = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!insideRoundedSquare(x, y)) continue;
          if (onCheckMark(x, y)) mark++;
          else background++;
        }
      }
      const covered = background + mark;
      const o = px * 4;
      if (covered === 0) continue; // fully transparent
      for (let c = 0; c < 3; c++) {
        row[o + c] = Math.round((RED[c] * background + WHITE[c] * mark) / covered);
      }
      row[o + 3] = Math.round((255 * covered) / n);
    }
    rows.push(row);
  }
  return rows;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

// zlib.crc32 only exists from Node 20.15/22.2; the project allows 20.9, so compute it here.
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  // Filter type 0 on every row: the icons are tiny, so better filtering would not be worth the code.
  const raw = Buffer.concat(rows.map((row) => Buffer.concat([Buffer.from([0]), row])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const png = encodePng(size, draw(size));
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}  ${png.length} bytes`);
  }
}

main();
