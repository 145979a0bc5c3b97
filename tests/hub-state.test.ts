// The hub's state folder (scripts/hub/hub.mjs prepareState): secrets generated once with mode 600 and
// read back on the next start (a restart keeps everyone logged in), and never inside the repository.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../scripts/environment.mjs";
import { defaultStateDir, prepareState } from "../scripts/hub/hub.mjs";

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
    defaultStateDir({ HOME: "/home/ada" } as NodeJS.ProcessEnv).endsWith("downhill-hub"),
    true,
  );
  assert.equal(
    defaultStateDir({ XDG_STATE_HOME: "/var/state" } as NodeJS.ProcessEnv),
    "/var/state/downhill-hub",
  );
});
