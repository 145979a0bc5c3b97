/**
 * The machine a benchmark ran on, for the results file and the README: CPU model, cores, memory, Node
 * version, OS, and the load average when the run started (the numbers come from a shared machine).
 */
import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  loadAverage: number[];
}

/** A description of this machine. */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() || "unknown",
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** One line for a table caption: "AMD EPYC, 2 cores, 23.4 GiB, Node v20.20.2, Linux 6.1 (linux x64)". */
export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${m.node}, ${m.os}; load average at start ${m.loadAverage.join(" / ")}`;
}
