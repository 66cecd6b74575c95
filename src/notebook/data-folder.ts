/**
 * The data folder a notebook reads, read once per run: each file's SHA-256, for the cache key and for the
 * provenance a published page shows. Dates come from the caller's inspection step; the runner knows no
 * file format.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { UsageError } from "../errors";
import { displayPath } from "../util/display-path";

export interface DataFileRecord {
  /** File name within the folder. */
  name: string;
  sha256: string;
  /** Newest as_of date of the file's rows, when the caller's inspection found one. */
  asOf: string | undefined;
}

export interface DataFolder {
  /** Absolute path. */
  dir: string;
  /** SHA-256 over every file's name and contents, in name order. */
  sha256: string;
  files: DataFileRecord[];
}

/** What a caller's inspection learns about a folder: the newest as_of of each file, by file name. */
export type AsOfByFile = Readonly<Record<string, string | undefined>>;

/** Whether `file` is a regular file (or a link to one); a link to nothing or an unreadable entry is bad input, named. */
function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch (error) {
    throw new UsageError(
      `${displayPath(file)}: cannot read this file of the data folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}${(error as NodeJS.ErrnoException).code === "ENOENT" ? ": a link to a file that does not exist" : ""})`,
    );
  }
}

/** Hashes the regular files directly in `dir` (hidden ones and subfolders are not the notebook's data). */
export function readDataFolder(dir: string, asOf: AsOfByFile = {}): DataFolder {
  const folder = createHash("sha256");
  const files = readdirSync(dir)
    .filter((name) => !name.startsWith(".") && isFile(path.join(dir, name)))
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name));
      folder.update(name).update("\0").update(bytes).update("\0");
      return { name, sha256: createHash("sha256").update(bytes).digest("hex"), asOf: asOf[name] };
    });
  return { dir, sha256: folder.digest("hex"), files };
}
