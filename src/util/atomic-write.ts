import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { ExitCode, RoilabError } from "../errors";
import { displayPath } from "./display-path";

/** What the system's refusals to write mean to the person who reads the message. */
const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "not permitted",
};

/** The error to report for a write of `file` the system refused (exit 2, the file and why), or undefined for any other error. */
export function refusedWrite(file: string, error: unknown): RoilabError | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined || !(code in WRITE_FAILURES)) return undefined;
  return new RoilabError(`${displayPath(file)}: cannot write (${code}: ${WRITE_FAILURES[code]}); the file is as it was`, ExitCode.badInput);
}

/**
 * Writes a file via a temporary sibling and a rename, so readers never see half a file and a failed write leaves
 * the old one. A write the system refuses (a full disk, a read-only folder) is exit 2 naming the file and why.
 */
export function writeFileAtomic(file: string, contents: string | Uint8Array): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, contents);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw refusedWrite(file, error) ?? error;
  }
}
