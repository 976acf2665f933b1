// Pixel size of an image from the first bytes of its file, for the export's size check: a
// JPEG, PNG, GIF or WebP header says it without decoding anything, and reading 64 KB of 50
// photos is several times quicker than asking libvips. Anything else (AVIF, a JPEG whose
// frame header sits past the bytes given) answers null and the caller asks sharp. The real
// type of a file comes from its first bytes too: a `.png` name proves nothing.
//
// Pure module: no Node imports.

export interface PixelSize {
  width: number;
  height: number;
}

/** Bytes a caller should read from the start of the file. */
export const HEADER_BYTES = 64 * 1024;

function u16be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}

function u16le(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u24le(b: Uint8Array, i: number): number {
  return u16le(b, i) | ((b[i + 2] ?? 0) << 16);
}

function u32be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) * 0x1000000) + (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0));
}

function ascii(b: Uint8Array, i: number, n: number): string {
  let s = '';
  for (let k = 0; k < n; k++) s += String.fromCharCode(b[i + k] ?? 0);
  return s;
}

function jpegSize(b: Uint8Array): PixelSize | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    const length = u16be(b, i + 2);
    if (length < 2) return null;
    // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = u16be(b, i + 5);
      const width = u16be(b, i + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan data before any frame header
    i += 2 + length;
  }
  return null;
}

export function imageSizeFromHeader(b: Uint8Array): PixelSize | null {
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && ascii(b, 12, 4) === 'IHDR') {
    return { width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegSize(b);
  if (b.length >= 10 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) {
    return { width: u16le(b, 6), height: u16le(b, 8) };
  }
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
      return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
    }
    if (chunk === 'VP8L' && b[20] === 0x2f) {
      const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return null;
}

export type SniffedType = 'jpeg' | 'png' | 'gif' | 'webp' | 'heif' | 'tiff' | 'svg' | 'pdf' | 'bmp' | 'ico' | 'text' | 'unknown';

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

/** The real type of a file from its first bytes: a `.jpg` name proves nothing. */
export function sniffImageType(bytes: Uint8Array): SniffedType {
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(8, 12))) return 'heif';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
  if (ascii(0, 5) === '%PDF-') return 'pdf';
  if (ascii(0, 2) === 'BM') return 'bmp';
  if (ascii(0, 4) === '\0\0\x01\0') return 'ico';
  const head = bytes.subarray(0, 4096);
  // Text: no NUL and no control bytes other than tab, line breaks, form feed and escape.
  if (head.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c || b === 0x1b)) {
    const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
    if (/^\s*</.test(text) && /<svg[\s>]/i.test(text)) return 'svg';
    return 'text';
  }
  return 'unknown';
}

/** The image files a site serves and an export copies, by extension, and the type their header must show. */
/**
 * The types every browser shows whatever the name's extension (a PNG screenshot saved as .jpg).
 * Not HEIF: its header does not tell AVIF from an iPhone's HEIC, which browsers do not show.
 */
export const SHOWN_BY_CONTENT: ReadonlySet<SniffedType> = new Set(['jpeg', 'png', 'gif', 'webp']);

export const WEB_IMAGE_TYPES: Readonly<Record<string, SniffedType>> = { '.jpg': 'jpeg', '.jpeg': 'jpeg', '.png': 'png', '.gif': 'gif', '.webp': 'webp', '.avif': 'heif' };
