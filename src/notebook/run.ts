/** Runs many notebooks, several at once, each on its own kernel. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import * as path from "node:path";
import { UsageError } from "../errors";
import { displayPath } from "../util/display-path";
import { lockFolder } from "../util/folder-lock";
import { bySectionNumber } from "../util/section-order";
import { ensureWritableFolder } from "../util/writable-folder";
import { yieldToEventLoop } from "../util/yield";
import { libraryFingerprint } from "./cache";
import { readDataFolder, type AsOfByFile, type DataFolder } from "./data-folder";
import type { CellDiagnostics } from "./check";
import { checkRun } from "./check-run";
import {
  codeCellSources,
  executeNotebook,
  lookupExecuted,
  prepareNotebook,
  startNotebookKernel,
  type KernelProvider,
  type NotebookResult,
  type PreparedNotebook,
} from "./execute";
import { KernelSeat } from "./kernel-seat";
import { cellSource, hasTag, readNotebook } from "./nbformat";
import { declaredParameters, type DataFolderParameters, type Parameters, type ReadDataFolderParameters } from "./parameters";

export interface RunOptions {
  /** Notebook files or folders of notebooks. Default: `notebooks/`. */
  paths: readonly string[];
  outDir: string;
  parameters: Parameters;
  /** Values given to every notebook that declares the name and ignored by the others (a report's display currency). */
  optionalParameters?: Parameters;
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
  /**
   * Reads the `dataDir` folder's own parameter values: each reaches every notebook that declares the name
   * (`parameters` still win), and a name no notebook declares stops the run. Default: a folder has none.
   */
  dataFolderParameters?: ReadDataFolderParameters;
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

/** Every parameter the notebooks beside `files` (in their folders) declare: the names a data folder's own parameters may set. */
function namesDeclaredBeside(files: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const folder of new Set(files.map((file) => path.dirname(file)))) {
    for (const file of findNotebooks([folder])) {
      try {
        const cell = readNotebook(file).cells.find((candidate) => candidate.cell_type === "code" && hasTag(candidate, "parameters"));
        for (const parameter of cell ? declaredParameters(cellSource(cell)) : []) names.add(parameter.name);
      } catch {
        // An unreadable notebook that is not run says nothing here; one that is run says so itself.
      }
    }
  }
  return names;
}

/**
 * A data folder's own parameters may name only parameters its notebooks declare: each notebook takes the names
 * it declares and ignores the rest, so a misspelt name (`apiModelID`) would otherwise be ignored everywhere.
 */
function checkFolderParameterNames(own: DataFolderParameters, files: readonly string[]): void {
  const given = Object.keys(own.values);
  if (given.length === 0) return;
  const declared = namesDeclaredBeside(files);
  const unknown = given.filter((name) => !declared.has(name) && !own.settings?.includes(name));
  if (unknown.length === 0) return;
  const meant = (name: string) => [...declared].find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const described = unknown.map((name) => (meant(name) ? `${name} (did you mean ${meant(name)}?)` : name)).join(", ");
  throw new UsageError(
    `${displayPath(own.file)}: no notebook declares ${described}; the notebooks declare ${[...declared].sort().join(", ")}`,
  );
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
  const own = options.dataDir === undefined ? undefined : options.dataFolderParameters?.(options.dataDir);
  if (own) checkFolderParameterNames(own, files);
  const notebooks = files.map((file) =>
    prepareNotebook(file, options.parameters, options.dataDir, options.optionalParameters, options.dataFolderParameters),
  );
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
  options.reporter.start(
    prepared.map((item) => ({ name: item.name, codeCells: item.notebook.cells.filter((cell) => cell.cell_type === "code").length })),
  );

  const dataFolders = (notebook: PreparedNotebook) => ({
    dataFolder: notebook.dataDir === undefined ? undefined : folders.get(notebook.dataDir),
    otherDataFolders: notebook.dataDirs.filter((dir) => dir !== notebook.dataDir).flatMap((dir) => folders.get(dir) ?? []),
  });
  const lookups = prepared.map((notebook) =>
    lookupExecuted(notebook, { ...dataFolders(notebook), library, outDir: options.outDir, force: options.force }),
  );
  // Check, then run: the notebooks that will run are type-checked together while their kernels boot.
  const toRun = prepared.flatMap((_notebook, index) => (lookups[index]!.cached ? [] : [index]));
  const checks = new Map<number, Promise<CellDiagnostics>>();
  if (toRun.length) {
    const checked = checkRun(
      toRun.map((index) => ({ file: prepared[index]!.file, cells: codeCellSources(prepared[index]!) })),
      options.outDir,
      library,
    );
    toRun.forEach((index, n) => {
      checks.set(index, checked[n]!);
    });
  }
  const results: NotebookResult[] = new Array(prepared.length);
  let next = 0;
  // Each worker keeps its kernel from one notebook to the next; the checked cells run transpile-only.
  const freshKernel = (cwd: string, label: string) =>
    options.kernels ? options.kernels.take(cwd, label) : startNotebookKernel(cwd, label, true);
  const worker = async () => {
    const seat = new KernelSeat(freshKernel);
    try {
      await workOn(seat);
    } finally {
      await seat.close();
    }
  };
  const workOn = async (seat: KernelSeat) => {
    while (next < prepared.length) {
      await yieldToEventLoop();
      // Another worker may have taken the last notebook while this one yielded.
      if (next >= prepared.length) break;
      const index = next++;
      const notebook = prepared[index]!;
      const result = await executeNotebook(notebook, {
        ...dataFolders(notebook),
        lookup: lookups[index],
        check: checks.get(index),
        kernels: seat,
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
