/** The runner's type check (check.ts) in a worker thread: started by check-run.ts with the notebooks to check. */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { checkNotebooks, type CheckedNotebook } from "./check";

const data = workerData as { roilabCheck?: CheckedNotebook[] } | null;
if (!isMainThread && data?.roilabCheck) parentPort?.postMessage(checkNotebooks(data.roilabCheck));
