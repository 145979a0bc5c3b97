// `npm run register-kernel`: registers this project's tslab kernel with the Jupyter you already use
// (JupyterLab, VS Code, …) in your per-user kernel folder, so any front end can run the notebooks.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureEnvironment, projectRoot } from "./environment.mjs";

const { python } = ensureEnvironment();
const tslab = path.join(projectRoot, "node_modules", ".bin", "tslab");
const result = spawnSync(tslab, ["install", "--user", `--python=${python}`, `--binary=${tslab}`], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
