/**
 * Ending a kernel with every process it started. A cell can spawn processes, detached ones in sessions of their
 * own included; killing the kernel's pid alone leaves them running, and one that shares the kernel's output
 * pipes keeps the runner waiting for it. So a kernel runs as the leader of its own process group, and carries a
 * token in its environment that every process it starts inherits. Leaf module: the kernel preload loads it too.
 */
import { readdirSync, readFileSync } from "node:fs";

/** The environment variable that marks a kernel and everything it starts. */
export const KERNEL_TOKEN_VARIABLE = "ROILAB_KERNEL_TOKEN";

/** Every process's parent, read from /proc; empty where there is no /proc (the process group still ends them). */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return parents;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // `pid (name) state ppid ...`: the name may hold spaces and parentheses, so fields are counted after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // It ended while the table was read.
    }
  }
  return parents;
}

function carriesToken(pid: number, entry: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(entry);
  } catch {
    return false;
  }
}

/**
 * The processes below `rootPid` (none once it has ended: its children then belong to another parent, and its pid
 * may name another process), and any process whose environment carries `token`, such as a detached grandchild.
 */
export function processesOf(rootPid: number, token: string | undefined, rootEnded = false): number[] {
  const parents = parentsByPid();
  const found = new Set<number>();
  for (let added = !rootEnded; added; ) {
    added = false;
    for (const [pid, ppid] of parents) {
      if (!found.has(pid) && (ppid === rootPid || found.has(ppid))) {
        found.add(pid);
        added = true;
      }
    }
  }
  if (token !== undefined) {
    const entry = `${KERNEL_TOKEN_VARIABLE}=${token}`;
    for (const pid of parents.keys()) if (carriesToken(pid, entry)) found.add(pid);
  }
  found.delete(process.pid);
  return [...found];
}

function kill(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/**
 * SIGKILL to every process of `processesOf` (found while a detached child's parent is still the kernel), then to
 * the process group `rootPid` led and to `rootPid` itself, last, since the kernel's watch ends its own process
 * this way. A group outlives its leader while it has members, so it is ended after the leader too. Synchronous:
 * safe in exit and signal handlers.
 */
export function endProcessTree(rootPid: number, token: string | undefined, rootEnded = false): void {
  for (const pid of processesOf(rootPid, token, rootEnded)) kill(pid);
  kill(-rootPid);
  if (!rootEnded) kill(rootPid);
}
