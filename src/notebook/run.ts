/** Runs many notebooks, several at once, each on its own kernel. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import * as path from "node:path";
import { UsageError } from "../errors";
import { lockFolder } from "../util/folder-lock";
import { bySectionNumber } from "../util/section-order";
import { ensureWritableFolder } from "../util/writable-folder";
import { yieldToEventLoop } from "../util/yield";
import { libraryFingerprint } from "./cache";
import { readDataFolder, type AsOfByFile, type DataFolder } from "./data-folder";
import { executeNotebook, prepareNotebook, type KernelProvider, type NotebookResult, type PreparedNotebook } from "./execute";
import type { Parameters } from "./parameters";

export interface RunOptions {
  /** Notebook files or folders of notebooks. Default: `notebooks/`. */
  paths: readonly string[];
  outDir: string;
  parameters: Parameters;
  dataDir: string | undefined;
  timeoutMs: number;
  /** Per cell, bytes of output kept (see OutputCollector). Default 50 MB. */
  maxOutputBytes?: number;
  allowErrors: boolean;
  force: boolean;
  /** Notebooks run at once. Default: the number of cores. */
  jobs: number | undefined;
  reporter: RunReporter;
  /**
   * Called once for each data folder the notebooks will read, before any kernel starts: it validates the
   * folder (throw to stop the run; a DataError is exit 2) and may return the newest as_of of each file.
   */
  inspectDataFolder?: (dir: string) => AsOfByFile | undefined;
  /** Where kernels come from (a pool of spares); default: each notebook starts its own. */
  kernels?: KernelProvider;
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
      .sort(bySectionNumber)
      .map((name) => path.join(given, name));
  });
}

/** A run checked and ready: every notebook read and parameterised, every data folder inspected and hashed. */
export interface PreparedRun {
  notebooks: PreparedNotebook[];
  folders: Map<string, DataFolder>;
}

/**
 * Everything a run can find wrong with its input, found before anything is written or any kernel starts: the
 * notebooks, their parameters, the data folders (through the caller's inspection) and the output folder.
 */
export function prepareRun(options: RunOptions): PreparedRun {
  const files = findNotebooks(options.paths.length ? options.paths : ["notebooks"]);
  if (files.length === 0) throw new UsageError(`no notebooks found in ${options.paths.join(", ") || "notebooks"}`);
  if (options.dataDir !== undefined && !existsSync(options.dataDir)) throw new UsageError(`--data ${options.dataDir}: no such folder`);
  const notebooks = files.map((file) => prepareNotebook(file, options.parameters, options.dataDir));
  const folders = new Map<string, DataFolder>();
  for (const dir of new Set(notebooks.flatMap((item) => item.dataDirs.filter((dir) => existsSync(dir))))) {
    folders.set(dir, readDataFolder(dir, options.inspectDataFolder?.(dir)));
  }
  ensureWritableFolder(options.outDir);
  return { notebooks, folders };
}

export async function runNotebooks(options: RunOptions, prepared: PreparedRun = prepareRun(options)): Promise<NotebookResult[]> {
  const unlock = lockFolder(options.outDir);
  try {
    return await executeRun(options, prepared);
  } finally {
    unlock();
  }
}

async function executeRun(options: RunOptions, { notebooks: prepared, folders }: PreparedRun): Promise<NotebookResult[]> {
  const library = libraryFingerprint();
  options.reporter.start(prepared.map((item) => ({ name: item.name, codeCells: item.notebook.cells.filter((cell) => cell.cell_type === "code").length })));

  const results: NotebookResult[] = new Array(prepared.length);
  let next = 0;
  const worker = async () => {
    while (next < prepared.length) {
      await yieldToEventLoop();
      // Another worker may have taken the last notebook while this one yielded.
      if (next >= prepared.length) break;
      const index = next++;
      const notebook = prepared[index]!;
      const result = await executeNotebook(notebook, {
        dataFolder: notebook.dataDir === undefined ? undefined : folders.get(notebook.dataDir),
        otherDataFolders: notebook.dataDirs.filter((dir) => dir !== notebook.dataDir).flatMap((dir) => folders.get(dir) ?? []),
        kernels: options.kernels,
        outDir: options.outDir,
        timeoutMs: options.timeoutMs,
        maxOutputBytes: options.maxOutputBytes,
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
