// `npm run register-kernel`: registers this project's tslab kernel with the Jupyter you already use
// (JupyterLab, VS Code, …) in your per-user kernel folder, so any front end can run the notebooks.
import { spawnSync } from "node:child_process";
import { ensureEnvironment, tslabBinary, tslabScript } from "./environment.mjs";

const { python } = ensureEnvironment();
const result = spawnSync(
  process.execPath,
  [tslabScript, "install", "--user", `--python=${python}`, `--binary=${tslabBinary}`],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
