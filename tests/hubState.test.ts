// The hub's state folder (scripts/hub/hub.mjs prepareState): secrets generated once with mode 600 and
// read back on the next start (a restart keeps everyone logged in), and never inside the repository.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../scripts/environment.mjs";
import {
  checkAccountName,
  defaultStateDir,
  hubEnv,
  hubMode,
  parseSize,
  prepareState,
} from "../scripts/hub/hub.mjs";

test("the state folder's secrets are generated once, mode 600, and kept across restarts", () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "downhill-hub-state-")), "state");
  try {
    const first = prepareState(dir);
    assert.match(first.proxyToken, /^[0-9a-f]{64}$/);
    assert.match(first.password, /^[0-9a-f]{12}$/);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    for (const name of ["jupyterhub_cookie_secret", "proxy-auth-token", "class-password"])
      assert.equal(statSync(path.join(dir, name)).mode & 0o777, 0o600, name);
    assert.deepEqual(prepareState(dir), first, "a second start reads the same secrets");
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});

test("a state folder inside the repository is refused; the default is outside it", () => {
  assert.throws(() => prepareState(path.join(projectRoot, "hub-state")), /inside the repository/);
  assert.equal(
    defaultStateDir({ HOME: "/home/ada" } as NodeJS.ProcessEnv, 1000),
    "/home/ada/.local/state/downhill-hub".replace("/home/ada", homedir()),
  );
  // root's home is closed to the learners' accounts: root's hub keeps its state in /var/lib
  assert.equal(defaultStateDir({} as NodeJS.ProcessEnv, 0), "/var/lib/downhill-hub");
  assert.equal(
    defaultStateDir({ XDG_STATE_HOME: "/var/state" } as NodeJS.ProcessEnv),
    "/var/state/downhill-hub",
  );
});

test("an ordinary user's hub says it cannot create accounts and refuses without --shared-account", () => {
  assert.throws(
    () => hubMode({}, 1000),
    /not running as root, so it cannot create a system account/,
  );
  assert.throws(() => hubMode({}, 1000), /--shared-account/);
  assert.equal(hubMode({ sharedAccount: true }, 1000), "shared");
  assert.equal(hubMode({}, 0), "accounts");
  // never every learner as root
  assert.throws(() => hubMode({ sharedAccount: true }, 0), /runs as root: refused/);
});

test("the state folder is passed through by the learners' accounts (711), its files stay root's (600)", () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "downhill-hub-state-")), "state");
  try {
    prepareState(dir, "accounts");
    assert.equal(statSync(dir).mode & 0o777, 0o711);
    assert.equal(statSync(path.join(dir, "learners")).mode & 0o777, 0o711);
    assert.equal(statSync(path.join(dir, "class-password")).mode & 0o777, 0o600);
    prepareState(dir, "shared");
    assert.equal(statSync(dir).mode & 0o777, 0o700, "shared mode: nobody else passes");
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});

test("memory limits are read as sizes; login names must make valid account names", () => {
  assert.equal(parseSize("2G"), 2 * 1024 ** 3);
  assert.equal(parseSize("512M"), 512 * 1024 ** 2);
  assert.equal(parseSize("1.5g"), 1.5 * 1024 ** 3);
  assert.equal(parseSize("1048576"), 1048576);
  assert.throws(() => parseSize("lots"), /parseSize: "lots" is not a size/);
  assert.doesNotThrow(() => checkAccountName("dh-", "ada_lovelace-2"));
  assert.throws(() => checkAccountName("dh-", "Ada"), /cannot name a system account \(dh-Ada\)/);
  assert.throws(() => checkAccountName("dh-", "a.b"), /lower-case letters, digits, - and _/);
  assert.throws(() => checkAccountName("dh-", "x".repeat(30)), /at most 29 characters/);
});

test("the hub's environment carries the mode, the account prefix and the memory limit in bytes", () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "downhill-hub-state-")), "state");
  try {
    const o = { stateDir: dir, python: "python3", users: ["ada"], memoryLimit: "1G" };
    const env = hubEnv({ ...o, sharedAccount: process.getuid?.() !== 0 }, {});
    assert.equal(env.DOWNHILL_HUB_MODE, process.getuid?.() === 0 ? "accounts" : "shared");
    assert.equal(env.DOWNHILL_HUB_MEMORY_LIMIT, String(1024 ** 3));
    assert.equal(env.DOWNHILL_HUB_ACCOUNT_PREFIX, "dh-");
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});
