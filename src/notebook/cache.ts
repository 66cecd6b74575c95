/**
 * An executed notebook is reused when nothing it depends on changed: the notebook itself, its parameters,
 * the data files it can read, the compiled library and the lock file.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import type { Notebook } from "./nbformat";
import type { Parameters } from "./parameters";
import { PROJECT_ROOT } from "../util/project-root";

/** SHA-256 over every file below `dir` (names and contents, in sorted order); hidden entries are skipped. */
export function hashDirectory(dir: string): string {
  const hash = createHash("sha256");
  const visit = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      if (name.startsWith(".")) continue;
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) visit(full);
      else hash.update(path.relative(dir, full)).update("\0").update(readFileSync(full)).update("\0");
    }
  };
  if (existsSync(dir)) visit(dir);
  return hash.digest("hex");
}

/** What every notebook depends on: the compiled library and the exact package versions. */
export function libraryFingerprint(root: string = PROJECT_ROOT): string {
  const lock = path.join(root, "package-lock.json");
  return createHash("sha256")
    .update(hashDirectory(path.join(root, "dist")))
    .update(existsSync(lock) ? readFileSync(lock) : "")
    .update(process.version)
    .digest("hex");
}

export interface CacheKeyInputs {
  /** The notebook after parameter injection, before execution. */
  notebook: Notebook;
  parameters: Parameters;
  /** SHA-256 of the data folder the notebook reads, if any. */
  dataSha256: string | undefined;
  library: string;
}

export function cacheKey(inputs: CacheKeyInputs): string {
  return createHash("sha256")
    .update(JSON.stringify(inputs.notebook.cells.map((cell) => [cell.cell_type, cell.source, cell.metadata.tags ?? []])))
    .update(JSON.stringify(inputs.notebook.metadata.kernelspec ?? null))
    .update(JSON.stringify(inputs.parameters))
    .update(inputs.dataSha256 ?? "no data")
    .update(inputs.library)
    .digest("hex");
}

/** The earlier executed notebook at `file` if it ran cleanly with the same key. */
export function cachedNotebook(file: string, key: string): Notebook | undefined {
  try {
    const notebook = JSON.parse(readFileSync(file, "utf8")) as Notebook;
    const meta = notebook.metadata.roilab as { cache_key?: string; status?: string } | undefined;
    return meta?.cache_key === key && meta.status === "ok" ? notebook : undefined;
  } catch {
    return undefined;
  }
}
