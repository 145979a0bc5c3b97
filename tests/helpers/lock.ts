// A lock shared by the test files' processes, for the build steps several files need (the executed
// course, the executed student edition): `npm test` runs two test files at a time, and whichever asks
// first does the step while the other waits, then reuses what it made. The lock is a folder
// (build/locks/<name>.lock, created atomically) holding the owner's process id; a lock whose owner has
// exited (a test killed half-way) is taken over.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildDir } from "../../scripts/paths.mjs";

const lockRoot = path.join(buildDir, "locks");

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function ownerAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(lock, "pid"), "utf8"));
  } catch {
    // Created but not yet signed: young means its owner is writing the pid right now.
    try {
      return Date.now() - statSync(lock).mtimeMs < 10_000;
    } catch {
      return false; // released meanwhile
    }
  }
  if (pid === process.pid) throw new Error(`${lock} is held by this process already`);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Runs `step` holding the lock `name`: one process at a time across the test files. Waits (polling
 * every quarter second) while another live process holds it, up to `timeoutMs`.
 * @throws Error naming the lock and its owner when the wait times out
 */
export function withLock<T>(name: string, step: () => T, timeoutMs = 30 * 60_000): T {
  const lock = path.join(lockRoot, `${name}.lock`);
  mkdirSync(lockRoot, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (!ownerAlive(lock)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`waited ${timeoutMs / 1000} s for the lock ${lock}, still held`);
    sleep(250);
  }
  writeFileSync(path.join(lock, "pid"), String(process.pid));
  try {
    return step();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
