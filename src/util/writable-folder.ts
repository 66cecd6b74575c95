/** Making sure an output folder can be written before any work starts, so a bad `--out` fails fast and whole. */
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { UsageError } from "../errors";

const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * Creates `dir` if needed and proves it writable with a probe file, or throws a UsageError (exit 2) that
 * names the folder and the reason. Folders are made one level at a time: Node 20's recursive mkdir spins
 * for ever under /proc.
 */
export function ensureWritableFolder(dir: string, flag = "--out"): void {
  const absolute = path.resolve(dir);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(current);
    } catch (error) {
      // ENOTDIR: a file stands higher up the path; walking up finds it and says so.
      if (!["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? ""))
        throw new UsageError(`${flag} ${dir}: cannot use ${current} (${reason(error)})`);
      missing.unshift(current);
      current = path.dirname(current);
      continue;
    }
    if (!stats.isDirectory()) throw new UsageError(`${flag} ${dir}: ${current} is a file, not a folder`);
    break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new UsageError(`${flag} ${dir}: cannot create ${folder} (${reason(error)})`);
    }
  }
  const probe = path.join(absolute, `.roilab-write-probe-${process.pid}`);
  try {
    writeFileSync(probe, "");
  } catch (error) {
    throw new UsageError(`${flag} ${dir}: cannot write into the folder (${reason(error)})`);
  } finally {
    rmSync(probe, { force: true });
  }
}
