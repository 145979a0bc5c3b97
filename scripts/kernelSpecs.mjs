// The course's two Jupyter kernels, as kernelspecs: tslab (Node, type-checks every cell with its own
// TypeScript 5.0) and Deno's (`deno jupyter`, from the npm package `deno`: starts in about a second,
// does not type-check). Both run the same notebooks unchanged; their display names tell them apart.
// Installed through the Python whose Jupyter should offer them (jupyter_client's KernelSpecManager,
// as `tslab install` does), into a prefix (the project's .jupyter/, an image's sys.prefix) or the
// user's own kernel folder. Plain Node with no dependencies (it runs in an image after `npm ci`).
//
// Usage: node scripts/kernelSpecs.mjs --python PYTHON (--prefix DIR | --user)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isMain, projectRoot } from "./paths.mjs";

/** The kernels, by kernelspec name: what `--kernel` of the runner and a notebook's metadata name. */
export const kernelNames = /** @type {const} */ (["tslab", "deno"]);
/** @typedef {(typeof kernelNames)[number]} KernelName */
/** @typedef {{ argv: string[], display_name: string, language: string, env?: Record<string, string> }} KernelSpec */

/** What a front end's kernel menu shows for each. */
export const kernelDisplayNames = {
  tslab: "TypeScript (tslab)",
  deno: "TypeScript (Deno)",
};

/**
 * What tslab's kernelspec starts: npm's `tslab.cmd` wrapper on Windows (as tslab's own default), else
 * the link in node_modules/.bin.
 * @param {string} [root] the course's folder
 */
export function tslabBinary(root = projectRoot) {
  const name = process.platform === "win32" ? "tslab.cmd" : "tslab";
  return path.join(root, "node_modules", ".bin", name);
}

/**
 * Deno's binary: the one in its platform package (`@deno/linux-x64-glibc` and the like, an optional
 * dependency of the npm package `deno`), so the kernel starts without a Node wrapper; npm's link to
 * `deno`'s own launcher when no platform package is there (an unusual platform).
 * @param {string} [root] the course's folder
 * @param {NodeJS.Platform} [platform] @param {string} [arch]
 */
export function denoBinary(root = projectRoot, platform = process.platform, arch = process.arch) {
  const exe = platform === "win32" ? "deno.exe" : "deno";
  const libc = platform === "linux" ? "-glibc" : "";
  const inPlatformPackage = path.join(
    root,
    "node_modules",
    "@deno",
    `${platform}-${arch}${libc}`,
    exe,
  );
  if (existsSync(inPlatformPackage)) return inPlatformPackage;
  return path.join(root, "node_modules", ".bin", platform === "win32" ? "deno.cmd" : "deno");
}

/**
 * Both kernelspecs of the course at `root`.
 * @param {string} [root]
 * @returns {Record<KernelName, KernelSpec>}
 */
export function kernelSpecs(root = projectRoot) {
  return {
    tslab: {
      argv: [tslabBinary(root), "kernel", "--config-path", "{connection_file}"],
      display_name: kernelDisplayNames.tslab,
      language: "typescript",
    },
    deno: {
      argv: [denoBinary(root), "jupyter", "--kernel", "--conn", "{connection_file}"],
      display_name: kernelDisplayNames.deno,
      language: "typescript",
      // A cell's value as plain text, without terminal colour codes (they would be saved in the
      // notebook); no check for a newer Deno at every start.
      env: { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    },
  };
}

/**
 * Whether the kernelspecs under `kernelsDir` (…/share/jupyter/kernels) are the course's at `root`.
 * @param {string} kernelsDir @param {string} [root]
 */
export function kernelSpecsInstalled(kernelsDir, root = projectRoot) {
  return Object.entries(kernelSpecs(root)).every(([name, spec]) => {
    const file = path.join(kernelsDir, name, "kernel.json");
    if (!existsSync(file)) return false;
    return JSON.stringify(JSON.parse(readFileSync(file, "utf8"))) === JSON.stringify(spec);
  });
}

/**
 * Installs both kernelspecs with `python`'s jupyter_client: into `prefix`/share/jupyter/kernels, or
 * the user's own kernel folder. Returns false (having printed why) when the Python fails.
 * @param {string} python
 * @param {{ prefix?: string, user?: boolean, root?: string }} where
 */
export function installKernelSpecs(python, { prefix, user = false, root = projectRoot }) {
  const folder = mkdtempSync(path.join(tmpdir(), "downhill-kernels-"));
  try {
    for (const [name, spec] of Object.entries(kernelSpecs(root))) {
      mkdirSync(path.join(folder, name));
      writeFileSync(path.join(folder, name, "kernel.json"), JSON.stringify(spec, null, 1) + "\n");
    }
    const code = [
      "import sys, os",
      "from jupyter_client.kernelspec import KernelSpecManager",
      "folder, prefix, user = sys.argv[1], sys.argv[2] or None, sys.argv[3] == 'user'",
      "for name in sys.argv[4:]:",
      "    os.chmod(os.path.join(folder, name), 0o755)",
      "    where = KernelSpecManager().install_kernel_spec(os.path.join(folder, name), name, user=user, prefix=prefix)",
      "    print(f'[downhill] kernel {name} registered in {where}')",
    ].join("\n");
    const args = ["-c", code, folder, prefix ?? "", user ? "user" : "", ...kernelNames];
    return spawnSync(python, args, { stdio: "inherit" }).status === 0;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (/** @type {string} */ flag) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const python = value("--python");
  const prefix = value("--prefix");
  const user = args.includes("--user");
  if (!python || (!prefix && !user)) {
    console.error("usage: node scripts/kernelSpecs.mjs --python PYTHON (--prefix DIR | --user)");
    process.exit(2);
  }
  process.exit(installKernelSpecs(python, { prefix, user }) ? 0 : 1);
}
