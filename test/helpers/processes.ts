/** Watching processes a test started end. */
import { readFileSync } from "node:fs";

/** Whether `pid` runs: a zombie (ended, not yet reaped by whichever process adopted it) does not. */
export function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Polls until `condition` holds; the test's own time limit ends a wait that never would. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 100));
}
