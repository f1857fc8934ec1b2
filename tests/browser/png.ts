/**
 * Just enough PNG decoding to look at a screenshot without a new dependency: 8-bit RGB or RGBA,
 * non-interlaced (what Chromium writes), inflated with node:zlib and unfiltered row by row.
 */
import { inflateSync } from 'node:zlib';

export interface DecodedImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  pixels: Uint8Array;
}

export function decodePng(file: Uint8Array): DecodedImage {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8;
  let width = 0, height = 0, colorType = -1;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8], interlace = data[12];
      colorType = data[9]!;
      if (depth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType}, interlace ${interlace})`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp]! : 0, b = prev[i]!, c = i >= bpp ? prev[i - bpp]! : 0;
      let v = line[i]!;
      switch (filter) {
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) >> 1; break;
        case 4: {
          const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
      }
      cur[i] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = cur[x * bpp]!;
      out[o + 1] = cur[x * bpp + 1]!;
      out[o + 2] = cur[x * bpp + 2]!;
      out[o + 3] = bpp === 4 ? cur[x * bpp + 3]! : 255;
    }
    prev = cur;
  }
  return { width, height, pixels: out };
}

/** How many pixels of each RGB colour the image has. */
export function colourHistogram(img: DecodedImage): Map<number, number> {
  const counts = new Map<number, number>();
  const p = img.pixels;
  for (let i = 0; i < p.length; i += 4) {
    const key = (p[i]! << 16) | (p[i + 1]! << 8) | p[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Mean luminance (0..255, Rec. 601 weights) of the whole image: an overlay's scrim lowers it. */
export function meanLuminance(img: DecodedImage): number {
  const p = img.pixels;
  let sum = 0;
  for (let i = 0; i < p.length; i += 4) sum += 0.299 * p[i]! + 0.587 * p[i + 1]! + 0.114 * p[i + 2]!;
  return sum / (img.width * img.height);
}

/** Share of pixels (0..1) that differ between two images of the same size. */
export function differingShare(a: DecodedImage, b: DecodedImage): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let n = 0;
  for (let i = 0; i < a.pixels.length; i += 4) {
    if (a.pixels[i] !== b.pixels[i] || a.pixels[i + 1] !== b.pixels[i + 1] || a.pixels[i + 2] !== b.pixels[i + 2]) n++;
  }
  return n / (a.width * a.height);
}

/** Share of pixels where some channel differs by more than `tolerance` (0-255) between two images. */
export function farApartShare(a: DecodedImage, b: DecodedImage, tolerance: number): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let n = 0;
  const p = a.pixels, q = b.pixels;
  for (let i = 0; i < p.length; i += 4) {
    if (Math.abs(p[i]! - q[i]!) > tolerance || Math.abs(p[i + 1]! - q[i + 1]!) > tolerance || Math.abs(p[i + 2]! - q[i + 2]!) > tolerance) n++;
  }
  return n / (a.width * a.height);
}
