// Makes data/linear-neuron/{train,validation,test}.csv for notebook 3:
//   x₁ ~ N(0, 1),  x₂ = 0.6 x₁ + 0.6 z with z ~ N(0, 1)   (correlated inputs: an elongated error surface)
//   t  = 1.5 x₁ + 2 x₂ + noise,  noise ~ N(0, 0.5²)        (no weights fit it exactly)
// Run from the repository root:  npx tsx scripts/makeLinearNeuronData.ts
// The seed is fixed, so running it again reproduces the files byte for byte.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRandom } from "../src/random/createRandom";
import { dataDir } from "./paths.mjs";

const seed = "downhill-linear-neuron";
const trueWeights = [1.5, 2];
const noise = 0.5;
const sizes = { train: 30, validation: 30, test: 200 };

const random = createRandom(seed);
const outDir = path.join(dataDir, "linear-neuron");
mkdirSync(outDir, { recursive: true });
for (const [name, size] of Object.entries(sizes)) {
  const lines = [
    `# ${name}: ${size} examples made by scripts/makeLinearNeuronData.ts (seed "${seed}")`,
    "x1,x2,t",
  ];
  for (let n = 0; n < size; n++) {
    const x1 = random.normal();
    const x2 = 0.6 * x1 + 0.6 * random.normal();
    const t = trueWeights[0] * x1 + trueWeights[1] * x2 + random.normal(0, noise);
    lines.push([x1, x2, t].map((v) => v.toFixed(4)).join(","));
  }
  writeFileSync(path.join(outDir, `${name}.csv`), lines.join("\n") + "\n");
  console.log(`wrote data/linear-neuron/${name}.csv (${size} examples)`);
}
