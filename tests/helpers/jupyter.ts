// The Python that runs Jupyter, found once for every test the same way the scripts find it
// (findJupyterPython in scripts/environment.mjs: $DOWNHILL_PYTHON, then Debian's, then python3 on PATH).
import { findJupyterPython, kernelEnv } from "../../scripts/environment.mjs";

let found: string | undefined;

/** The Python whose Jupyter modules the tests drive. @throws when no Python on the machine has them */
export function jupyterPython(): string {
  found ??= findJupyterPython() as string | undefined;
  if (found === undefined)
    throw new Error(
      "no Python with Jupyter's modules: run `npm test` once (it installs them), or set DOWNHILL_PYTHON",
    );
  return found;
}

/** The environment for Jupyter with the project's tslab kernel (scripts/environment.mjs's kernelEnv). */
export function jupyterEnv(): NodeJS.ProcessEnv {
  return kernelEnv(process.env) as NodeJS.ProcessEnv;
}
