/**
 * Measure 8, class capacity: `npm run hub`'s JupyterHub (scripts/hub/) with k learners running lesson 1
 * at the same time (k = 1, 2, 4, 8, and on while a lesson takes at most twice as long as for one learner),
 * each in their own server and kernel, driven through the servers' kernel API as a browser would
 * (scripts/hub/runLesson.py). A learner's time runs from opening the notebook (kernel start) to the
 * last cell's reply. After each round, with the kernels still up, the memory of each learner's server
 * and kernel: RSS, and PSS (shared pages divided among the processes sharing them: what adding one more
 * learner costs), and the CPU time each kernel used for the lesson (what a lesson costs whatever the
 * load). Wall time; `--quick` runs a one-cell notebook for 1 and 2 learners.
 */
import { readdirSync } from "node:fs";
import os from "node:os";
import { ensureEnvironment, ensureHub } from "../scripts/environment.mjs";
import { hubClient, hubProcesses, runLesson, startPrivateHub } from "../scripts/hub/hub.mjs";
import { kernelspec } from "../scripts/notebookFormat.mjs";
import { notebooksDir } from "../scripts/paths.mjs";
import { median } from "./timing";

/** "A lesson takes twice as long": the slowdown at which the class is full. */
export const capacitySlowdownLimit = 2;

export interface CapacityRound {
  learners: number;
  /** Mean over the learners of the time from opening the lesson to its last cell's reply. */
  meanSeconds: number;
  maxSeconds: number;
  /** meanSeconds over one learner's meanSeconds. */
  slowdown: number;
  /** Every cell of every learner replied "ok". */
  passed: boolean;
  /** Median over the learners, kernels up after the lesson. */
  serverRssBytes: number;
  kernelRssBytes: number;
  serverPssBytes: number;
  kernelPssBytes: number;
  /** CPU time the learner's kernel used for the lesson (its start included), median over learners. */
  kernelCpuSeconds: number;
}

export interface CapacityResult {
  notebook: string;
  rounds: CapacityRound[];
  /** The hub and its proxy (a fixed cost, not per learner), PSS. */
  hubPssBytes: number;
  /** The most learners measured with slowdown ≤ 2 (rounds of 2^n learners: a lower bound). */
  learnersWithinLimit: number;
  learnersPerCore: number;
  /** One learner's server + kernel, PSS, median over the last round. */
  bytesPerLearner: number;
  learnersPerGiB: number;
  /** How many learners this machine's memory holds (all of it, less the hub), by PSS. */
  memoryBound: number;
  loadAverageAtStart: number[];
}

const GiB = 2 ** 30;

/** A one-cell notebook importing the library: the `--quick` lesson. */
function quickNotebook() {
  return {
    cells: [
      {
        cell_type: "code",
        id: "quick",
        metadata: {},
        execution_count: null,
        outputs: [],
        source: 'import { formatNumber } from "./src/index";\nformatNumber(Math.PI)',
      },
    ],
    metadata: { kernelspec },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Starts a hub in a temporary state folder, measures the rounds, stops it (and everything it ran). */
export async function measureCapacity(
  quick: boolean,
  log: (m: string) => void,
): Promise<CapacityResult> {
  const { python } = ensureEnvironment();
  ensureHub(python);
  const port = 18000 + Math.floor(Math.random() * 2000);
  const { stateDir, token, baseUrl, stop } = await startPrivateHub({
    python,
    port,
    internalPort: port + 1,
    proxyApiPort: port + 2,
    name: "downhill-capacity",
  });
  try {
    return await measureCapacityOn({ baseUrl, token, stateDir, python }, quick, log);
  } finally {
    await stop(60);
  }
}

/** A running hub: its URL, a service token with admin rights, its state folder, its Python. */
export interface RunningHub {
  baseUrl: string;
  token: string;
  stateDir: string;
  python: string;
}

/**
 * The rounds on a hub that is already up (tests/hub.test.ts measures on its own hub at `--quick`):
 * learners `learner1`, `learner2`, … are created and their servers started and left running.
 */
export async function measureCapacityOn(
  { baseUrl, token, stateDir, python }: RunningHub,
  quick: boolean,
  log: (m: string) => void,
): Promise<CapacityResult> {
  const loadAverageAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const headers = { Authorization: `token ${token}`, "Content-Type": "application/json" };
  const api = hubClient(baseUrl, token);
  const lesson = quick
    ? "quick.ipynb"
    : readdirSync(notebooksDir).find((n) => n.startsWith("01-"))!;
  const notebook = `notebooks/${lesson}`;
  const started: string[] = [];
  const learners = async (k: number) => {
    const names = Array.from({ length: k }, (_, i) => `learner${i + 1}`);
    const fresh = names.filter((n) => !started.includes(n));
    if (fresh.length > 0) {
      await api.createUsers(fresh);
      await api.startServers(fresh);
      started.push(...fresh);
      if (quick)
        for (const n of fresh)
          await fetch(`${baseUrl}/user/${n}/api/contents/${notebook}`, {
            method: "PUT",
            headers,
            body: JSON.stringify({ type: "notebook", format: "json", content: quickNotebook() }),
          });
    }
    return names;
  };
  const closeKernels = async (names: string[]) => {
    for (const n of names) {
      const r = await fetch(`${baseUrl}/user/${n}/api/sessions`, { headers });
      for (const s of (await r.json()) as { id: string }[])
        await fetch(`${baseUrl}/user/${n}/api/sessions/${s.id}`, { method: "DELETE", headers });
    }
  };
  const round = async (k: number) => {
    const names = await learners(k);
    log(`  ${k} learner(s) running ${lesson} at once`);
    const report = await runLesson({
      python,
      baseUrl,
      token,
      notebook,
      users: names,
      keep: true,
    });
    const ps = hubProcesses(stateDir) as {
      kind: string;
      user?: string;
      rssBytes: number;
      pssBytes?: number;
      cpuSeconds: number;
    }[];
    const per = (kind: string, key: "rssBytes" | "pssBytes" | "cpuSeconds") =>
      median(
        names.map((n) =>
          ps
            .filter((p) => p.user === n && p.kind === kind)
            .reduce((sum, p) => sum + (p[key] ?? p.rssBytes), 0),
        ),
      );
    const hubPss = ps
      .filter((p) => p.kind === "jupyterhub" || p.kind === "configurable-http-proxy")
      .reduce((sum, p) => sum + (p.pssBytes ?? p.rssBytes), 0);
    await closeKernels(names);
    const seconds = report.users.map((u: { seconds?: number }) => u.seconds ?? NaN);
    return {
      hubPss,
      failures: report.users.filter((u: { ok: boolean }) => !u.ok),
      row: {
        learners: k,
        meanSeconds: seconds.reduce((a: number, b: number) => a + b, 0) / k,
        maxSeconds: Math.max(...seconds),
        slowdown: NaN,
        passed: report.users.every((u: { ok: boolean }) => u.ok),
        serverRssBytes: per("jupyterhub-singleuser", "rssBytes"),
        kernelRssBytes: per("tslab", "rssBytes"),
        serverPssBytes: per("jupyterhub-singleuser", "pssBytes"),
        kernelPssBytes: per("tslab", "pssBytes"),
        kernelCpuSeconds: per("tslab", "cpuSeconds"),
      } as CapacityRound,
    };
  };

  log("  warm-up: one learner (file caches, first compile)");
  await round(1);
  const rounds: CapacityRound[] = [];
  let hubPssBytes = 0;
  // At least 1, 2, 4, 8 (the curve), then doubling on while a lesson still takes ≤ 2× as long.
  const [always, most] = quick ? [2, 2] : [8, 32];
  for (let k = 1; k <= most; k *= 2) {
    const { row, hubPss, failures } = await round(k);
    row.slowdown = row.meanSeconds / (rounds[0]?.meanSeconds ?? row.meanSeconds);
    rounds.push(row);
    hubPssBytes = hubPss;
    log(`    mean ${row.meanSeconds.toFixed(1)} s, slowdown ${row.slowdown.toFixed(2)}`);
    if (!row.passed)
      throw new Error(
        `a learner's lesson failed with ${k} learners at once: ${JSON.stringify(failures)}`,
      );
    if (k >= always && row.slowdown > capacitySlowdownLimit) break;
  }
  const within = rounds.filter((r) => r.slowdown <= capacitySlowdownLimit);
  const learnersWithinLimit = Math.max(...within.map((r) => r.learners));
  const last = rounds[rounds.length - 1];
  const bytesPerLearner = last.serverPssBytes + last.kernelPssBytes;
  return {
    notebook: lesson,
    rounds,
    hubPssBytes,
    learnersWithinLimit,
    learnersPerCore: learnersWithinLimit / os.cpus().length,
    bytesPerLearner,
    learnersPerGiB: GiB / bytesPerLearner,
    memoryBound: Math.floor((os.totalmem() - hubPssBytes) / bytesPerLearner),
    loadAverageAtStart,
  };
}

/** The capacity in one sentence per figure, for the report. */
export function capacitySummary(c: CapacityResult, cores: number): string {
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  return (
    `${c.learnersWithinLimit} learner(s) at once before a lesson takes more than ${capacitySlowdownLimit}× as long ` +
    `(${cores} cores: ${c.learnersPerCore.toFixed(1)} per core); each learner's server and kernel take ` +
    `${mib(c.bytesPerLearner)} (PSS): ${c.learnersPerGiB.toFixed(1)} learners per GiB, ${c.memoryBound} in this ` +
    `machine's memory; the hub and its proxy ${mib(c.hubPssBytes)}; ${c.notebook} costs its kernel ` +
    `${median(c.rounds.map((r) => r.kernelCpuSeconds)).toFixed(1)} CPU-seconds (median over the rounds)`
  );
}
