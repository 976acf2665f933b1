// Processing one photo: decoded with limits, auto-oriented, scaled inside the profile's long
// edge, converted to sRGB, re-encoded and stripped of metadata unless the profile keeps it.
//
// Format choices (the profile can only move WebP/AVIF/HEIC, via photos.convertTo):
// - JPEG stays JPEG (mozjpeg's quantisation table: smaller files at the same quality setting).
// - PNG stays PNG: both a full-colour and a palette-quantised PNG are made; the smaller wins.
//   The photo is decoded, oriented and resized once into pixels both encoders (and the tray's
//   thumbnail) start from; only with keepMetadata does each encoder read the file again, since
//   the input's metadata reaches the output only from the input.
// - GIF stays GIF, animation included, re-encoded so its metadata goes and it fits the long
//   edge; every frame counts against the pixel limit, so a many-frame bomb is refused.
// - WebP, AVIF, HEIC and TIFF become JPEG ('jpeg'), or WebP ('webp'), or keep their format
//   ('keep'; HEIC and TIFF, which browsers do not show, still become JPEG). A file with
//   transparency becomes PNG instead of JPEG, which would lose it.
// - SVG is refused: it can carry scripts, and a sanitiser we could trust is not worth it here.

import { webcrypto } from 'node:crypto';
import * as os from 'node:os';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import type { PhotoSettings } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { imageSizeFromHeader, sniffImageType, type SniffedType } from '../files/image-header';
import { megapixels, overPixelLimit, refuse, refuseType, withSource, type SourceBytes } from './source';
import { msg } from '../../core/i18n/messages';

/** Photos processed at once by a batch: one per core on the 2-core machines authors use. */
export const PARALLEL_PHOTOS = 2;

// Each photo is new to libvips, so its operation cache would only hold memory (peak RSS).
sharp.cache(false);
// Parallelism comes from PARALLEL_PHOTOS photos at once; more libvips threads per photo would
// only compete with the other photo for the same cores.
sharp.concurrency(Math.max(1, Math.floor(os.availableParallelism() / PARALLEL_PHOTOS)));

export type OutputFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

export const EXTENSION: Record<OutputFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' };

/** Decoded, oriented, resized sRGB pixels (8 bits a channel), as sharp's raw input takes them. */
export interface DecodedPixels {
  data: Buffer;
  raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

/** A web-ready photo, encoded but not yet written. */
export interface Processed {
  bytes: Buffer;
  sha: string;
  format: OutputFormat;
  width: number;
  height: number;
  /** The pixels `bytes` were encoded from, when they were decoded apart: the thumbnail starts from them. */
  decoded?: DecodedPixels;
}

type Encoded = { data: Buffer; info: OutputInfo; decoded?: DecodedPixels };

function outputFormatFor(input: SniffedType, meta: Pick<Header, 'hasAlpha' | 'compression'>, settings: PhotoSettings): OutputFormat {
  switch (input) {
    case 'jpeg':
    case 'png':
    case 'gif':
      return input;
    default: {
      // WebP, AVIF, HEIC, TIFF.
      if (settings.convertTo === 'webp') return 'webp';
      if (settings.convertTo === 'keep' && input === 'webp') return 'webp';
      if (settings.convertTo === 'keep' && input === 'heif' && meta.compression === 'av1') return 'avif';
      return meta.hasAlpha ? 'png' : 'jpeg';
    }
  }
}

/**
 * A PNG: the full-colour and the palette encodings, the smaller wins. Both start from one decode
 * (a clone of the pipeline would decode and resize the photo again for each); with keepMetadata
 * each encodes from the input, which alone carries its metadata.
 */
async function encodePng(pipeline: Sharp, settings: PhotoSettings): Promise<Encoded> {
  const full = (p: Sharp) => p.png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer({ resolveWithObject: true });
  const palette = (p: Sharp) => p.png({ palette: true, quality: settings.quality, compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
  const smaller = (a: Encoded, b: Encoded): Encoded => (b.data.length < a.data.length ? b : a);
  if (settings.keepMetadata) {
    const [f, p] = await Promise.all([full(pipeline.clone()), palette(pipeline.clone())]);
    return smaller(f, p);
  }
  const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const decoded: DecodedPixels = { data, raw: { width: info.width, height: info.height, channels: info.channels } };
  const [f, p] = await Promise.all([full(sharp(data, { raw: decoded.raw })), palette(sharp(data, { raw: decoded.raw }))]);
  return { ...smaller(f, p), decoded };
}

async function encode(pipeline: Sharp, format: OutputFormat, settings: PhotoSettings): Promise<Encoded> {
  const q = settings.quality;
  switch (format) {
    case 'jpeg':
      // The mozjpeg encoder's quantisation table 3 with optimised Huffman coding: about 20–30%
      // smaller than libjpeg's (and ImageMagick's) output at the same quality, at no extra cost.
      // Full `mozjpeg: true` (trellis) saves another ~25% but costs ~50% more CPU per photo,
      // which breaks the 100 ms/photo import budget on 2 cores; see bench/photos.
      // JPEG has no alpha: lay it over white.
      return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: q, quantisationTable: 3, optimiseCoding: true }).toBuffer({ resolveWithObject: true });
    case 'png':
      // Screenshots with few colours shrink a lot as a palette; photos saved as PNG do not.
      return encodePng(pipeline, settings);
    case 'webp':
      return pipeline.webp({ quality: q }).toBuffer({ resolveWithObject: true });
    case 'avif':
      return pipeline.avif({ quality: q }).toBuffer({ resolveWithObject: true });
    case 'gif':
      return pipeline.gif().toBuffer({ resolveWithObject: true });
  }
}

/** What the pixel limit and the output format need to know, from the header alone. */
interface Header {
  width: number;
  frameHeight: number;
  frames: number;
  hasAlpha: boolean;
  compression: Metadata['compression'];
}

/**
 * The header only: no pixel is decoded before the pixel limit is checked. A JPEG's frame size
 * is read from its bytes here (JPEG has no alpha and one frame), which spares opening the photo
 * in libvips twice; anything else, or a JPEG whose frame header this parser does not find, asks
 * sharp. libvips checks the same limit again on the header before it decodes (limitInputPixels).
 */
async function readHeader(type: SniffedType, bytes: Buffer, name: string): Promise<Header> {
  const size = type === 'jpeg' ? imageSizeFromHeader(bytes) : null;
  if (size) return { width: size.width, frameHeight: size.height, frames: 1, hasAlpha: false, compression: undefined };
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new RecapError('BAD_PHOTO', msg('error.photo.damaged', { name }), { cause: err });
  }
  const frames = type === 'gif' ? Math.max(1, meta.pages ?? 1) : 1;
  return { width: meta.width, frameHeight: meta.pageHeight ?? meta.height, frames, hasAlpha: meta.hasAlpha, compression: meta.compression };
}

/** Decodes (with limits), orients, resizes, converts, strips and encodes one photo. */
export async function processPhoto(source: SourceBytes, settings: PhotoSettings): Promise<Processed> {
  const { name, bytes } = source;
  const type = sniffImageType(bytes);
  const refusal = refuseType(name, type);
  if (refusal) throw refusal;

  const meta = await readHeader(type, bytes, name);
  const { frames, frameHeight } = meta;
  const pixels = meta.width * frameHeight * frames;
  if (!(meta.width > 0 && frameHeight > 0)) throw refuse(msg('error.photo.damaged', { name }));
  if (pixels > settings.maxInputPixels) {
    throw refuse(overPixelLimit(name, pixels, settings.maxInputPixels, frames));
  }

  const format = outputFormatFor(type, meta, settings);
  const animated = frames > 1 && format === 'gif';
  let pipeline = sharp(bytes, {
    // Truncated data aborts; the minor warnings some cameras' files raise do not.
    failOn: 'truncated',
    limitInputPixels: Math.max(1, settings.maxInputPixels),
    autoOrient: true,
    animated,
    // sequentialRead is left to sharp, which turns it on when the pipeline allows (not for a
    // 90° turn, which needs the whole shrunk image): forcing it measured slower here.
  }).resize({ width: settings.maxEdge, height: settings.maxEdge, fit: 'inside', withoutEnlargement: true });
  if (settings.keepMetadata) {
    // Kept on request only; the pixels are still converted to sRGB and tagged as such.
    pipeline = pipeline.keepMetadata().withIccProfile('srgb');
  }
  // Without keep*, sharp writes no EXIF, XMP, IPTC or ICC and converts the pixels to sRGB.
  let out: Encoded;
  try {
    out = await encode(pipeline, format, settings);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message)) {
      throw new RecapError('BAD_PHOTO', msg('error.photo.overLimit', { name, limit: megapixels(settings.maxInputPixels) }), { cause: err });
    }
    if (type === 'heif' && meta.compression === 'hevc') {
      throw new RecapError('BAD_PHOTO', msg('error.photo.heic', { name }), { cause: err });
    }
    throw new RecapError('BAD_PHOTO', msg('error.photo.damaged', { name }), { cause: err });
  }
  const height = animated ? (out.info.pageHeight ?? out.info.height) : out.info.height;
  return { bytes: out.data, sha: await sha256(out.data), format, width: out.info.width, height, ...(out.decoded ? { decoded: out.decoded } : {}) };
}

/** Reads a source (a file or data the renderer sent) and processes it: the author's file name and the web-ready photo. */
export async function processSource(source: unknown, settings: PhotoSettings): Promise<{ name: string; processed: Processed }> {
  return withSource(source, settings, async (read) => ({ name: read.name, processed: await processPhoto(read, settings) }));
}

/** Hex sha256, computed on libuv's thread pool (WebCrypto), not on the event loop. */
export async function sha256(data: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', data)).toString('hex');
}

