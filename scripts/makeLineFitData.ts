// Makes data/line-fit/points.csv for notebook 2: 20 points near a straight line,
//   x ~ U(−2, 2),  t = 0.8 x + 0.5 + noise,  noise ~ N(0, 0.3²)
// so the loss of the two-parameter model y = w·x + b is smallest near (w, b) = (0.8, 0.5).
// Run from the repository root:  npx tsx scripts/makeLineFitData.ts
// The seed is fixed, so running it again reproduces the file byte for byte.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRandom } from "../src/internal";
import { dataDir } from "./paths.mjs";

const seed = "downhill-line-fit";
const [slope, intercept, noise, size] = [0.8, 0.5, 0.3, 20];

const random = createRandom(seed);
const lines = [
  `# ${size} points made by scripts/makeLineFitData.ts (seed "${seed}"): t = ${slope} x + ${intercept} + N(0, ${noise}²)`,
  "x,t",
];
for (let n = 0; n < size; n++) {
  const x = random.uniform(-2, 2);
  const t = slope * x + intercept + random.normal(0, noise);
  lines.push([x, t].map((v) => v.toFixed(4)).join(","));
}
const outDir = path.join(dataDir, "line-fit");
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, "points.csv"), lines.join("\n") + "\n");
console.log(`wrote data/line-fit/points.csv (${size} points)`);
