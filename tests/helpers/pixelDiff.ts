// How two screenshots differ, measured in the browser: whether they are the same size, and the largest
// difference (0–255) of any channel of any pixel.
export interface PixelDiff {
  width: number;
  height: number;
  sameSize: boolean;
  largest: number;
}

/**
 * Runs in the page. A string, not a function: the TypeScript loader's helpers (e.g. `__name`) do not
 * exist in the page.
 */
const compareInPage = `async ({ a, b }) => {
  const pixels = async (base64) => {
    const blob = await (await fetch("data:image/png;base64," + base64)).blob();
    const bitmap = await createImageBitmap(blob);
    const g = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d");
    g.drawImage(bitmap, 0, 0);
    return { width: bitmap.width, height: bitmap.height, data: g.getImageData(0, 0, bitmap.width, bitmap.height).data };
  };
  const [x, y] = [await pixels(a), await pixels(b)];
  const sameSize = x.width === y.width && x.height === y.height;
  let largest = 0;
  if (sameSize)
    for (let i = 0; i < x.data.length; i++) largest = Math.max(largest, Math.abs(x.data[i] - y.data[i]));
  return { width: x.width, height: x.height, sameSize, largest };
}`;

/** Compares PNGs `a` and `b` in `page` (any open page of headless Chromium). */
export async function pixelDiff(page: any, a: Buffer, b: Buffer): Promise<PixelDiff> {
  const args = { a: a.toString("base64"), b: b.toString("base64") };
  return page.evaluate(`(${compareInPage})(${JSON.stringify(args)})`);
}
