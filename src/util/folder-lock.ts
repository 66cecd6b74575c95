/**
 * One roilab at a time per output folder. Two runs writing one folder could publish a page whose footer
 * describes the other run's data; the second run stops instead, naming the run that holds the folder. A lock
 * left by a process that no longer exists (killed with SIGKILL) is cleared.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { UsageError } from "../errors";

export const LOCK_FILE = ".roilab.lock";

interface Holder {
  pid: number;
  command: string;
  since: string;
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

/** Takes `dir` (which must exist) for this process and returns the function that gives it back. */
export function lockFolder(dir: string): () => void {
  const absolute = path.resolve(dir);
  const count = held.get(absolute);
  if (count !== undefined) {
    held.set(absolute, count + 1);
    return () => release(absolute);
  }
  const file = path.join(absolute, LOCK_FILE);
  const holder: Holder = { pid: process.pid, command: process.argv.slice(2).join(" "), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(holder), { flag: "wx" });
      held.set(absolute, 1);
      return () => release(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readHolder(file);
      if (current && alive(current.pid) && current.pid !== process.pid) {
        throw new UsageError(`${dir} is in use by another roilab (pid ${current.pid}, "roilab ${current.command}", since ${current.since}); wait for it to finish, or give another --out`);
      }
      // Left by a process that is gone (or unreadable): clear it and try once more.
      rmSync(file, { force: true });
    }
  }
  throw new UsageError(`${dir}: could not take the folder's lock ${LOCK_FILE}`);
}
