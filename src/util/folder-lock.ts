/**
 * One roilab at a time per output folder. Two runs writing one folder could publish a page whose footer
 * describes the other run's data; the second run stops instead, naming the run that holds the folder. A lock
 * left by a process that no longer exists (killed with SIGKILL), even one whose pid another process has since
 * been given, is cleared.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { UsageError } from "../errors";
import { refusedWrite } from "./atomic-write";

export const LOCK_FILE = ".roilab.lock";

interface Holder {
  pid: number;
  command: string;
  since: string;
  /** When the holding process started, ms since the epoch: a later process given the same pid is not the holder. */
  processStartedMs?: number;
}

/** How far two readings of one process's start may differ, ms: /proc counts in clock ticks, Node in its own time. */
const START_TOLERANCE_MS = 2000;

/** When process `pid` started, ms since the epoch, from /proc (Linux); undefined where that cannot be read. */
function processStartedMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const startTicks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
    // Linux counts start times in USER_HZ ticks, 100 a second on every platform it runs on.
    const startedMs = bootSeconds * 1000 + startTicks * 10;
    return Number.isFinite(startedMs) ? startedMs : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the lock's holder still runs: its pid is alive and, where both are known, started when the holder did. */
function holderRuns(holder: Holder): boolean {
  if (!alive(holder.pid)) return false;
  const started = processStartedMs(holder.pid);
  return (
    holder.processStartedMs === undefined || started === undefined || Math.abs(started - holder.processStartedMs) <= START_TOLERANCE_MS
  );
}

/** Folders this process holds, with how many nested holds each has (buildReports runs the runner inside its own hold). */
const held = new Map<string, number>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Holder;
  } catch {
    return undefined;
  }
}

function release(dir: string): void {
  const count = held.get(dir) ?? 0;
  if (count > 1) {
    held.set(dir, count - 1);
    return;
  }
  held.delete(dir);
  rmSync(path.join(dir, LOCK_FILE), { force: true });
}

// Every exit path (a finished command, Ctrl-C, SIGTERM, an uncaught error) lets go of the folders it holds.
process.on("exit", () => {
  for (const dir of held.keys()) rmSync(path.join(dir, LOCK_FILE), { force: true });
});

/** Runs `work` while holding `dir`, and gives the folder back however `work` ends. */
export function withFolderLock<T>(dir: string, work: () => T): T {
  const unlock = lockFolder(dir);
  try {
    return work();
  } finally {
    unlock();
  }
}

/** Takes `dir` (which must exist) for this process and returns the function that gives it back. */
export function lockFolder(dir: string): () => void {
  const absolute = path.resolve(dir);
  const count = held.get(absolute);
  if (count !== undefined) {
    held.set(absolute, count + 1);
    return () => release(absolute);
  }
  const file = path.join(absolute, LOCK_FILE);
  const holder: Holder = {
    pid: process.pid,
    command: process.argv.slice(2).join(" "),
    since: new Date().toISOString(),
    processStartedMs: processStartedMs(process.pid),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(holder), { flag: "wx" });
      held.set(absolute, 1);
      return () => release(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw refusedWrite(file, error) ?? error;
      const current = readHolder(file);
      if (current && holderRuns(current) && current.pid !== process.pid) {
        throw new UsageError(
          `${dir} is in use by another roilab (pid ${current.pid}, "roilab ${current.command}", since ${current.since}); wait for it to finish, or give another --out`,
        );
      }
      // Left by a process that is gone, whose pid another process now has, or unreadable: clear it and try once more.
      rmSync(file, { force: true });
    }
  }
  throw new UsageError(`${dir}: could not take the folder's lock ${LOCK_FILE}`);
}
