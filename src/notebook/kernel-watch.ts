/**
 * The kernel's watch on its runner, run in a worker thread of the kernel (see kernel-preload.ts). A thread has
 * an event loop of its own, so a cell that never yields (`while (true) {}`) cannot stop the watch, where a
 * timer of the kernel's own loop would wait for the cell to end. When the kernel's parent is no longer the
 * runner (killed, even with SIGKILL), the watch removes the connection folder, which holds the HMAC key, and
 * ends the kernel with every process it started.
 */
import { rmSync } from "node:fs";
import * as path from "node:path";
import { isMainThread, workerData } from "node:worker_threads";
import { endProcessTree } from "../util/process-tree";

export interface KernelWatchData {
  runnerPid: number;
  /** The kernel's connection file, when it is in the runner's own connection folder. */
  connectionFile: string | undefined;
  token: string | undefined;
  intervalMs: number;
}

export function watchRunner({ runnerPid, connectionFile, token, intervalMs }: KernelWatchData): void {
  setInterval(() => {
    if (process.ppid === runnerPid) return;
    const folder = connectionFile === undefined ? undefined : path.dirname(connectionFile);
    if (folder !== undefined && path.basename(folder).startsWith(`roilab-kernel-${runnerPid}-`))
      rmSync(folder, { recursive: true, force: true });
    endProcessTree(process.pid, token);
  }, intervalMs);
}

if (!isMainThread && (workerData as { roilabKernelWatch?: KernelWatchData } | null)?.roilabKernelWatch) {
  watchRunner((workerData as { roilabKernelWatch: KernelWatchData }).roilabKernelWatch);
}
