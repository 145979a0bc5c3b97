// `npm start`: installs what is missing, then opens the course in Jupyter on notebooks/ with both of the
// course's kernels, "TypeScript (tslab)" and "TypeScript (Deno)" (JupyterLab when it is installed, else
// the classic Notebook). Arguments go to Jupyter, e.g. `npm start -- --no-browser --port 8899`.
import { spawn, spawnSync } from "node:child_process";
import { ensureEnvironment } from "./environment.mjs";
import { notebooksDir } from "./paths.mjs";

const { python, env } = ensureEnvironment();
const hasLab = spawnSync(python, ["-c", "import jupyterlab"]).status === 0;
console.log(
  `[downhill] opening the course in Jupyter ${hasLab ? "Lab" : "Notebook"} (Ctrl+C to stop)`,
);
// Jupyter refuses to run as root unless told it may (containers and CI machines often are root).
const asRoot = process.getuid?.() === 0 ? ["--allow-root"] : [];
const args = [
  "-m",
  hasLab ? "jupyterlab" : "notebook",
  `--notebook-dir=${notebooksDir}`,
  ...asRoot,
  ...process.argv.slice(2),
];
const jupyter = spawn(python, args, { env, stdio: "inherit" });
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"]))
  process.on(signal, () => jupyter.kill(signal));
jupyter.on("exit", (code) => process.exit(code ?? 0));
