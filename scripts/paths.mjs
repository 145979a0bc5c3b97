// The project's folders, in one place, for scripts/, bench/ and tests/. Plain Node with no
// dependencies (the setup scripts load it on a fresh clone, before `npm ci`).
import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder: the one holding package.json, src/ and notebooks/. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The small CSV data sets the lessons load, each with the seeded script that made it. */
export const dataDir = path.join(projectRoot, "data");
/** The lessons, `NN-name.ipynb`, stored clean. */
export const notebooksDir = path.join(projectRoot, "notebooks");
/** Build output nobody hands out (executed copies, scratch folders, the plotly.js bundle): never committed. */
export const buildDir = path.join(projectRoot, "build");
/** What is handed out (the handouts, the student edition, the benchmark's results): never committed. */
export const distDir = path.join(projectRoot, "dist");

/**
 * Whether the module at `moduleUrl` (its `import.meta.url`) is the script Node was started with,
 * rather than a module another one imports (a test, a build).
 * @param {string} moduleUrl
 * @example if (isMain(import.meta.url)) main();
 */
export function isMain(moduleUrl) {
  const script = process.argv[1];
  if (!script) return false;
  const real = (/** @type {string} */ file) => {
    try {
      return realpathSync(file);
    } catch {
      return path.resolve(file);
    }
  };
  return real(script) === real(fileURLToPath(moduleUrl));
}
