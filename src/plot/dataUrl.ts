/**
 * Images as `data:` URLs, made without any library or platform encoder (Node, Deno and browsers
 * alike): base64 of bytes, an SVG text as a URL, and an RGB raster as an uncompressed PNG
 * (zlib's "stored" blocks: a small raster such as a 61 × 61 contour map weighs 11 KB).
 */

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Bytes as base64 text (RFC 4648, padded).
 * @example base64(new TextEncoder().encode("Man")); // => "TWFu"
 */
export function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      alphabet[(n >> 18) & 63] +
      alphabet[(n >> 12) & 63] +
      (i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : "=") +
      (i + 2 < bytes.length ? alphabet[n & 63] : "=");
  }
  return out;
}

/**
 * An SVG document as a `data:image/svg+xml;base64,…` URL (its text encoded as UTF-8).
 * @example svgDataUrl("<svg/>"); // => "data:image/svg+xml;base64,PHN2Zy8+"
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64(new TextEncoder().encode(svg))}`;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of bytes (PNG's chunk check). */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

/** A PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: number[] | Uint8Array): number[] {
  const body = Uint8Array.from([...[...type].map((c) => c.charCodeAt(0)), ...data]);
  return [...u32(data.length), ...body, ...u32(crc32(body))];
}

/**
 * An RGB raster (`rgb`: width × height × 3 bytes, rows from the top) as a `data:image/png` URL.
 * @example pngDataUrl(1, 1, Uint8Array.from([255, 0, 0])).startsWith("data:image/png;base64,iVBORw0KGgo"); // => true
 */
export function pngDataUrl(width: number, height: number, rgb: Uint8Array): string {
  // Each row: filter type 0 (none), then its pixels.
  const raw = new Uint8Array(height * (1 + 3 * width));
  for (let row = 0; row < height; row++)
    raw.set(rgb.subarray(row * 3 * width, (row + 1) * 3 * width), row * (1 + 3 * width) + 1);
  // zlib stream of stored (uncompressed) deflate blocks of at most 65535 bytes, then Adler-32.
  const zlib: number[] = [0x78, 0x01];
  for (let start = 0; start < raw.length || start === 0; start += 65535) {
    const block = raw.subarray(start, start + 65535);
    const last = start + 65535 >= raw.length ? 1 : 0;
    zlib.push(
      last,
      block.length & 255,
      block.length >> 8,
      ~block.length & 255,
      (~block.length >> 8) & 255,
    );
    for (const b of block) zlib.push(b);
    if (raw.length === 0) break;
  }
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  zlib.push(...u32(((b << 16) | a) >>> 0));
  const header = [...u32(width), ...u32(height), 8, 2, 0, 0, 0];
  const png = Uint8Array.from([
    137,
    80,
    78,
    71,
    13,
    10,
    26,
    10,
    ...chunk("IHDR", header),
    ...chunk("IDAT", zlib),
    ...chunk("IEND", []),
  ]);
  return `data:image/png;base64,${base64(png)}`;
}
