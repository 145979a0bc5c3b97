import assert from "node:assert/strict";
import { test } from "node:test";
import { inflateSync } from "node:zlib";
import { base64, pngDataUrl, svgDataUrl } from "./dataUrl";

test("base64 agrees with Node's encoder for every length remainder", () => {
  for (const text of ["", "a", "ab", "abc", "∇E ≤ 10⁻³ — ŵ"]) {
    const bytes = new TextEncoder().encode(text);
    assert.equal(base64(bytes), Buffer.from(bytes).toString("base64"));
  }
  assert.equal(
    Buffer.from(svgDataUrl("<svg>ŵ</svg>").split(",")[1], "base64").toString(),
    "<svg>ŵ</svg>",
  );
});

test("a PNG holds the raster's pixels row by row, whatever its size (several zlib blocks too)", () => {
  for (const [width, height] of [
    [1, 1],
    [3, 2],
    [200, 120],
  ]) {
    const rgb = Uint8Array.from({ length: width * height * 3 }, (_, i) => (i * 37) % 256);
    const png = Buffer.from(pngDataUrl(width, height, rgb).split(",")[1], "base64");
    assert.equal(png.readUInt32BE(16), width);
    assert.equal(png.readUInt32BE(20), height);
    const idatLength = png.readUInt32BE(33);
    assert.equal(png.toString("latin1", 37, 41), "IDAT");
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    for (let row = 0; row < height; row++) {
      assert.equal(raw[row * (1 + 3 * width)], 0, "filter byte");
      assert.deepEqual(
        raw.subarray(row * (1 + 3 * width) + 1, (row + 1) * (1 + 3 * width)),
        Buffer.from(rgb.subarray(row * 3 * width, (row + 1) * 3 * width)),
      );
    }
  }
});
