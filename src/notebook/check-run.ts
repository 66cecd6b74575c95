/**
 * The check of a run's notebooks (check.ts), in a worker thread so that kernels boot while it runs, and kept
 * in the output folder by each notebook's key: a notebook whose code, parameters and library did not change is
 * not checked again (a changed data file needs no check).
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { writeFileAtomic } from "../util/atomic-write";
import { PROJECT_ROOT } from "../util/project-root";
import { checkKey, checkNotebooks, type CellDiagnostics, type CheckedNotebook } from "./check";

/** Where a run keeps its checks, in its output folder. */
const CHECK_CACHE_FILE = ".roilab-check.json";
/** Checks kept: enough for every notebook of a few editions and parameter sets. */
const KEPT_CHECKS = 200;

type CheckCache = Record<string, CellDiagnostics>;

function readCache(file: string): CheckCache {
  try {
    const value = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as CheckCache) : {};
  } catch {
    return {};
  }
}

/** The compiled worker; tests that run from source without a build check in this thread instead. */
const WORKER = path.join(PROJECT_ROOT, "dist", "notebook", "check-worker.js");

function checkInWorker(notebooks: readonly CheckedNotebook[]): Promise<CellDiagnostics[]> {
  if (!existsSync(WORKER)) return Promise.resolve().then(() => checkNotebooks(notebooks));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { roilabCheck: notebooks } });
    worker.once("message", (result: CellDiagnostics[]) => resolve(result));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the type check stopped (exit code ${code}) before it answered`)));
  });
}

/**
 * Each notebook's check, by its position in `notebooks`: from the output folder's cache, or from one check of
 * every notebook not in it. The cache is written once that check is done.
 */
export function checkRun(notebooks: readonly CheckedNotebook[], outDir: string, library: string): Promise<CellDiagnostics>[] {
  const file = path.join(outDir, CHECK_CACHE_FILE);
  const cache = readCache(file);
  const keys = notebooks.map((notebook) => checkKey(notebook, library));
  const missing = notebooks.flatMap((notebook, index) => (cache[keys[index]!] ? [] : [{ notebook, index }]));
  const checked = missing.length ? checkInWorker(missing.map(({ notebook }) => notebook)) : Promise.resolve([]);
  const written = checked.then((results) => {
    if (results.length === 0) return cache;
    const all: CheckCache = { ...cache, ...Object.fromEntries(missing.map(({ index }, n) => [keys[index]!, results[n]!])) };
    try {
      writeFileAtomic(file, `${JSON.stringify(Object.fromEntries(Object.entries(all).slice(-KEPT_CHECKS)))}\n`);
    } catch {
      // An unwritable cache costs the next run a check, nothing more.
    }
    return all;
  });
  // Never an unhandled rejection: each notebook's promise carries the error to the notebook that waits on it.
  written.catch(() => undefined);
  return keys.map((key) => {
    const check = cache[key] ? Promise.resolve(cache[key]) : written.then((all) => all[key]!);
    check.catch(() => undefined);
    return check;
  });
}
