import { afterEach } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export type FixtureCell = string | { markdown: string } | { code: string; tags: string[] };

/** Writes an nbformat 4.5 notebook for the tslab kernel: a plain string is a code cell. */
export function writeNotebook(dir: string, name: string, cells: FixtureCell[]): string {
  const file = path.join(dir, name);
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    cells: cells.map((cell, index) => {
      const id = `cell${index + 1}`;
      if (typeof cell === "object" && "markdown" in cell) return { id, cell_type: "markdown", metadata: {}, source: cell.markdown };
      const [source, tags] = typeof cell === "string" ? [cell, undefined] : [cell.code, cell.tags];
      return { id, cell_type: "code", metadata: tags ? { tags } : {}, source, outputs: [], execution_count: null };
    }),
  };
  writeFileSync(file, JSON.stringify(notebook, null, 1));
  return file;
}

export function tempFolder(prefix = "roilab-test-") {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Kernel processes started by the runner with this pid that are still alive. */
export function kernelsOf(runnerPid: number): string[] {
  const table = spawnSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).stdout;
  return table.split("\n").filter((line) => line.includes(`roilab-kernel-${runnerPid}-`));
}

/** Temporary folders for one describe block, each removed after the test that made it: `const scratch = scratchFolders();`. */
export function scratchFolders(prefix = "roilab-test-"): () => string {
  const folders: { dispose(): void }[] = [];
  afterEach(() =>
    folders.splice(0).forEach((folder) => {
      folder.dispose();
    }),
  );
  return () => {
    const folder = tempFolder(prefix);
    folders.push(folder);
    return folder.dir;
  };
}
