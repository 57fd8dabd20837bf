// Image fixtures made at test time (no binary files in the repo): PNGs encoded here with node's
// zlib, JPEG and WebP converted from them by the `vips` command line tool (libvips-tools), an
// EXIF orientation written into a JPEG by hand, and the width/height of a WebP read back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
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
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function ihdr(width, height) {
  const h = Buffer.alloc(13);
  h.writeUInt32BE(width, 0);
  h.writeUInt32BE(height, 4);
  h[8] = 8;  // bit depth
  h[9] = 2;  // RGB
  return h;
}
const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// An RGB PNG whose colour varies with position (`seed` shifts it, so each seed is other bytes);
// `grain` (0–255) adds pseudo-random noise of that amplitude, as a photo's sensor noise and texture.
export function png(width, height, seed = 0, grain = 0) {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  let state = 0x9e3779b9 ^ seed;
  const noise = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return grain ? ((state >>> 24) % (grain + 1)) - (grain >> 1) : 0;
  };
  const clamp = (v) => Math.max(0, Math.min(255, Math.round(v)));
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      rows[row + 1 + x * 3] = clamp(((x * 255 / width + seed) % 256) + noise());
      rows[row + 2 + x * 3] = clamp(y * 255 / height + noise());
      rows[row + 3 + x * 3] = clamp((((x + y) * 7 + seed * 13) % 256) + noise());
    }
  }
  return Buffer.concat([signature, chunk('IHDR', ihdr(width, height)), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// A PNG whose header claims `width` × `height` with almost no pixel data: a decompression bomb
// as far as anything that trusts the header is concerned.
export function pngHeaderOnly(width, height) {
  return Buffer.concat([signature, chunk('IHDR', ihdr(width, height)), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

// `bytes` converted by `vips copy` to `ext` ('jpg' or 'webp', with vips save options like '[Q=85]').
export function convert(bytes, ext, options = '') {
  const dir = mkdtempSync(join(tmpdir(), 'satstore-img-'));
  try {
    writeFileSync(join(dir, 'in.png'), bytes);
    execFileSync('vips', ['copy', join(dir, 'in.png'), `${join(dir, `out.${ext}`)}${options}`]);
    return readFileSync(join(dir, `out.${ext}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The JPEG with an EXIF APP1 segment right after its SOI marker: big-endian TIFF, one IFD with
// Orientation = `orientation` and Artist = `artist` (a text the server must not pass on).
export function withExifOrientation(jpeg, orientation, artist = 'satstore-private-exif') {
  const text = Buffer.from(`${artist}\0`, 'latin1');
  const ifdAt = 8, entries = 2;
  const dataAt = ifdAt + 2 + entries * 12 + 4;
  const tiff = Buffer.alloc(dataAt + text.length);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(ifdAt, 4);
  tiff.writeUInt16BE(entries, ifdAt);
  const entry = (i, tag, type, count) => {
    const at = ifdAt + 2 + i * 12;
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    return at + 8;
  };
  tiff.writeUInt16BE(orientation, entry(0, 0x0112, 3, 1));           // Orientation, SHORT
  tiff.writeUInt32BE(dataAt, entry(1, 0x013b, 2, text.length));      // Artist, ASCII, at dataAt
  tiff.writeUInt32BE(0, ifdAt + 2 + entries * 12);                   // no next IFD
  text.copy(tiff, dataAt);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const marker = Buffer.from([0xff, 0xe1, 0, 0]);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

// { width, height } of a WebP file (lossy VP8, lossless VP8L or extended VP8X).
export function webpSize(buf) {
  if (buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WEBP') throw new Error('not a WebP file');
  const kind = buf.toString('latin1', 12, 16);
  if (kind === 'VP8X') return { width: 1 + buf.readUIntLE(24, 3), height: 1 + buf.readUIntLE(27, 3) };
  if (kind === 'VP8L') {
    const bits = buf.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (kind === 'VP8 ') return { width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff };
  throw new Error(`unknown WebP chunk ${kind}`);
}
