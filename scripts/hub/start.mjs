// `npm run hub`: a JupyterHub for a class on this machine (README "Teaching a class"). Installs what is
// missing (npm dependencies, Jupyter, the tslab kernel, Debian's JupyterHub and configurable-http-proxy),
// then runs the hub in the foreground until Ctrl+C, which stops every learner's server too. Options:
// `usage` below (`npm run hub -- --help` prints it).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureEnvironment, ensureHub } from "../environment.mjs";
import { defaultStateDir, prepareState, startHub } from "./hub.mjs";

const usage = `Usage: npm run hub -- [--users ada,grace,…] [--users-file FILE] [--admin NAME] [--ip 127.0.0.1]
                      [--port 8000] [--state DIR]
  --users, --users-file  the class list (one name a line in the file); only these names and the admin
                         can log in (the admin can add more in the admin panel)
  --admin                the instructor's login name (default: instructor)
  --ip                   the address to listen on (default 127.0.0.1: this machine only); 0.0.0.0
                         serves the network, which needs HTTPS in front (docs/teaching.md)
  --port                 the port to listen on (default 8000)
  --state DIR            database, secrets and learners' folders (default ${defaultStateDir()})`;

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "" },
    "users-file": { type: "string" },
    admin: { type: "string", default: "instructor" },
    ip: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "8000" },
    state: { type: "string", default: defaultStateDir() },
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

const { python } = ensureEnvironment();
ensureHub(python);
const { password, passwordFile } = prepareState(stateDir);
const port = Number(values.port);
console.log(
  [
    `[downhill] JupyterHub for the class at http://${values.ip}:${port}/ (Ctrl+C stops it and every server)`,
    `[downhill] log in as ${values.admin} (admin) or one of ${users.length} learner(s) with the class password`,
    `[downhill]   ${password}   (stored in ${passwordFile})`,
    `[downhill] state, secrets and learners' folders: ${stateDir}`,
  ].join("\n"),
);
if (values.ip !== "127.0.0.1" && values.ip !== "localhost")
  console.log("[downhill] listening beyond this machine: put HTTPS in front (README)");
const hub = startHub({ stateDir, python, ip: values.ip, port, admin: values.admin, users });
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"]))
  process.on(signal, () => hub.kill(signal));
hub.on("exit", (code) => process.exit(code ?? 0));
