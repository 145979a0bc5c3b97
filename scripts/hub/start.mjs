// `npm run hub`: a JupyterHub for a class on this machine (README "Teaching a class"). Installs what is
// missing (npm dependencies, Jupyter, the tslab and Deno kernels, Debian's JupyterHub and
// configurable-http-proxy), then runs the hub in the foreground until Ctrl+C, which stops every
// learner's server too. Options: `usage` below (`npm run hub -- --help` prints it).
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureEnvironment, ensureHub } from "../environment.mjs";
import {
  defaultMemoryLimit,
  defaultStateDir,
  hubMode,
  parseSize,
  prepareState,
  startHub,
} from "./hub.mjs";

const usage = `Usage: npm run hub -- [--users ada,grace,…] [--users-file FILE] [--admin NAME] [--ip 127.0.0.1]
                      [--port 8000] [--state DIR] [--memory-limit ${defaultMemoryLimit}] [--shared-account]
                      [--solutions]
  --users, --users-file  the class list (one name a line in the file); only these names and the admin
                         can log in (the admin can add more in the admin panel)
  --admin                the instructor's login name (default: instructor)
  --ip                   the address to listen on (default 127.0.0.1: this machine only); 0.0.0.0
                         serves the network, which needs HTTPS in front (docs/teaching.md)
  --port                 the port to listen on (default 8000)
  --state DIR            database, secrets and learners' folders (default ${defaultStateDir()})
  --memory-limit SIZE    the most memory each learner's server and each of their kernels may use
                         (default ${defaultMemoryLimit}; K, M, G); a kernel past it dies alone
  --shared-account       only for a hub started by an ordinary user, who cannot create accounts: run
                         every learner's server as this user, with no walls between learners
  --solutions            give learners the course's notebooks with the reference solutions (a demo);
                         by default each learner's copy is the student edition (npm run student)
Started as root, the hub gives each learner a system account of their own (dh-<name>, no password, no
login shell) and runs their server as that account; started otherwise it refuses unless
--shared-account is given (docs/teaching.md).`;

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "" },
    "users-file": { type: "string" },
    admin: { type: "string", default: "instructor" },
    ip: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "8000" },
    state: { type: "string", default: defaultStateDir() },
    "memory-limit": { type: "string", default: defaultMemoryLimit },
    "shared-account": { type: "boolean", default: false },
    solutions: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const fromFile = values["users-file"]
  ? readFileSync(values["users-file"], "utf8").split(/\s+/)
  : [];
const users = [...values.users.split(","), ...fromFile].map((u) => u.trim()).filter(Boolean);
const stateDir = path.resolve(values.state);
const sharedAccount = values["shared-account"];
const memoryLimit = values["memory-limit"];
/** @type {"accounts" | "shared"} */
let mode;
try {
  parseSize(memoryLimit);
  mode = hubMode({ sharedAccount });
} catch (error) {
  console.error(`[downhill] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const { python } = ensureEnvironment();
ensureHub(python);
const { password, passwordFile } = prepareState(stateDir, mode);
const port = Number(values.port);
console.log(
  [
    `[downhill] JupyterHub for the class at http://${values.ip}:${port}/ (Ctrl+C stops it and every server)`,
    `[downhill] log in as ${values.admin} (admin) or one of ${users.length} learner(s) with the class password`,
    `[downhill]   ${password}   (stored in ${passwordFile})`,
    `[downhill] state, secrets and learners' folders: ${stateDir}`,
    mode === "accounts"
      ? `[downhill] each learner's server runs as their own account dh-<name>, folder mode 700, the course read-only; at most ${memoryLimit} per server and per kernel`
      : `[downhill] WARNING: --shared-account: every learner's server runs as ${os.userInfo().username}; any learner's code can read and change every other learner's folder and the course (docs/teaching.md). At most ${memoryLimit} per server and per kernel`,
  ].join("\n"),
);
if (values.ip !== "127.0.0.1" && values.ip !== "localhost")
  console.log("[downhill] listening beyond this machine: put HTTPS in front (README)");
/** @type {import("node:child_process").ChildProcess} */
let hub;
try {
  hub = startHub({
    ...{ stateDir, python, ip: values.ip, port, admin: values.admin, users },
    ...{ sharedAccount, memoryLimit, solutions: values.solutions },
  });
} catch (error) {
  console.error(`[downhill] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"]))
  process.on(signal, () => hub.kill(signal));
hub.on("exit", (code) => process.exit(code ?? 0));
