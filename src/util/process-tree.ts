/**
 * Ending a process roilab started (a kernel, a browser) with every process it started in turn. A notebook cell
 * can spawn processes, detached ones in sessions of their own included; killing the kernel's pid alone leaves
 * them running, and one that shares the kernel's output pipes keeps the runner waiting for it. So such a
 * process runs as the leader of its own process group, and carries a token in its environment that every
 * process it starts inherits. Leaf module: the kernel preload loads it too.
 */
import { readdirSync, readFileSync } from "node:fs";

/** The environment variable that marks a process roilab started and everything that process starts. */
export const PROCESS_TOKEN_VARIABLE = "ROILAB_PROCESS_TOKEN";

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

function descendants(rootPid: number, parents: ReadonlyMap<number, number>): Set<number> {
  const found = new Set<number>();
  for (let added = true; added; ) {
    added = false;
    for (const [pid, ppid] of parents) {
      if (!found.has(pid) && (ppid === rootPid || found.has(ppid))) {
        found.add(pid);
        added = true;
      }
    }
  }
  return found;
}

function marked(token: string, parents: ReadonlyMap<number, number>): Set<number> {
  const entry = `${PROCESS_TOKEN_VARIABLE}=${token}`;
  return new Set([...parents.keys()].filter((pid) => carriesToken(pid, entry)));
}

/**
 * The processes below `rootPid` (none once it has ended: its children then belong to another parent, and its pid
 * may name another process), and any process whose environment carries `token`, such as a detached grandchild.
 * Never this process.
 */
export function processesOf(rootPid: number, token: string | undefined, rootEnded = false): number[] {
  const parents = parentsByPid();
  const found = new Set([...(rootEnded ? [] : descendants(rootPid, parents)), ...(token === undefined ? [] : marked(token, parents))]);
  found.delete(process.pid);
  return [...found];
}

/** Ends every process that carries `token`, e.g. what a browser that failed to start left behind. */
export function endMarkedProcesses(token: string): void {
  for (const pid of marked(token, parentsByPid())) if (pid !== process.pid) kill(pid);
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
