// Which files are tests: every `*.test.ts` below a folder, not following symbolic links (notebooks/src
// links back to src/: the same tests, found again). Paths relative to the project, sorted.
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function testFiles(folder) {
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      const entry = lstatSync(full);
      if (entry.isSymbolicLink()) return [];
      if (entry.isDirectory()) return walk(full);
      return name.endsWith(".test.ts") ? [path.relative(projectRoot, full)] : [];
    });
  return walk(path.join(projectRoot, folder)).sort();
}
