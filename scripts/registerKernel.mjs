// `npm run register-kernel`: registers this project's two kernels, tslab's and Deno's ("TypeScript
// (tslab)" and "TypeScript (Deno)"), with the Jupyter you already use (JupyterLab, VS Code, …) in your
// per-user kernel folder, so any front end can run the notebooks under either.
import { ensureEnvironment } from "./environment.mjs";
import { installKernelSpecs } from "./kernelSpecs.mjs";

const { python } = ensureEnvironment();
process.exit(installKernelSpecs(python, { user: true }) ? 0 : 1);
