import { existsSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import * as path from "node:path";
import { UsageError } from "../errors";
import { libraryFingerprint } from "./cache";
import { executeNotebook, prepareNotebook, type NotebookResult } from "./execute";
import type { Parameters } from "./parameters";

/** Runs many notebooks, several at once, each on its own kernel. */

export interface RunOptions {
  /** Notebook files or folders of notebooks. Default: `notebooks/`. */
  paths: readonly string[];
  outDir: string;
  parameters: Parameters;
  dataDir: string | undefined;
  timeoutMs: number;
  allowErrors: boolean;
  force: boolean;
  /** Notebooks run at once. Default: the number of cores. */
  jobs: number | undefined;
  reporter: RunReporter;
}

export interface RunReporter {
  start(notebooks: { name: string; codeCells: number }[]): void;
  cell(event: { notebook: string; done: number; total: number; cellNumber: number }): void;
  finish(result: NotebookResult): void;
  close(): void;
}

/** The notebooks a run covers: files as given, folders expanded to their `.ipynb` files in name order. */
export function findNotebooks(paths: readonly string[]): string[] {
  return paths.flatMap((given) => {
    if (!existsSync(given)) throw new UsageError(`${given}: no such notebook or folder`);
    if (!statSync(given).isDirectory()) {
      if (!given.endsWith(".ipynb")) throw new UsageError(`${given}: not a notebook (.ipynb)`);
      return [given];
    }
    return readdirSync(given)
      .filter((name) => name.endsWith(".ipynb") && !name.startsWith("."))
      .sort()
      .map((name) => path.join(given, name));
  });
}

/**
 * Bad data is bad input: every roilab data folder (one with a models.csv) the notebooks will read is validated
 * before any kernel starts, so its problems come back as file:line:column messages and exit code 2.
 */
function checkDataFolders(dataDirs: readonly (string | undefined)[]): void {
  const folders = [...new Set(dataDirs.filter((dir): dir is string => dir !== undefined && existsSync(path.join(dir, "models.csv"))))];
  if (folders.length === 0) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadDataset } = require("../data") as typeof import("../data");
  for (const folder of folders) loadDataset(folder);
}

export async function runNotebooks(options: RunOptions): Promise<NotebookResult[]> {
  const files = findNotebooks(options.paths.length ? options.paths : ["notebooks"]);
  if (files.length === 0) throw new UsageError(`no notebooks found in ${options.paths.join(", ") || "notebooks"}`);
  if (options.dataDir !== undefined && !existsSync(options.dataDir)) throw new UsageError(`--data ${options.dataDir}: no such folder`);
  // Every notebook is read and parameterised before any kernel starts, so bad input fails fast and whole.
  const prepared = files.map((file) => prepareNotebook(file, options.parameters, options.dataDir));
  checkDataFolders(prepared.map((item) => item.dataDir));
  const library = libraryFingerprint();
  options.reporter.start(prepared.map((item) => ({ name: item.name, codeCells: item.notebook.cells.filter((cell) => cell.cell_type === "code").length })));

  const results: NotebookResult[] = new Array(prepared.length);
  let next = 0;
  const worker = async () => {
    while (next < prepared.length) {
      const index = next++;
      const result = await executeNotebook(prepared[index]!, {
        outDir: options.outDir,
        timeoutMs: options.timeoutMs,
        allowErrors: options.allowErrors,
        force: options.force,
        library,
        onCell: (event) => options.reporter.cell(event),
      });
      results[index] = result;
      options.reporter.finish(result);
    }
  };
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), prepared.length));
  try {
    await Promise.all(Array.from({ length: jobs }, worker));
  } finally {
    options.reporter.close();
  }
  return results;
}
