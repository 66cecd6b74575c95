/** Runs one notebook on a fresh tslab kernel in the notebook's folder and writes the executed copy. */
import { rmSync } from "node:fs";
import * as path from "node:path";
import { displayPath } from "../util/display-path";
import { cacheKey, cachedNotebook } from "./cache";
import type { CellDiagnostics } from "./check";
import type { DataFolder } from "./data-folder";
import type { IopubMessage } from "./protocol";
import { failureOutput, formatCellFailure, parseCellFailure, type CellFailure } from "./failure";
import { ExecuteTimeoutError, KernelDiedError, OutputLimitError } from "../errors";
import { TslabKernel } from "./kernel";
import { cellSource, hasTag, readNotebook, serializeNotebook, type CellOutput, type ErrorOutput, type Notebook } from "./nbformat";
import { DEFAULT_MAX_OUTPUT_BYTES, OutputCollector } from "./outputs";
import { injectParameters, parameterValue, type Parameters, type ReadDataFolderParameters } from "./parameters";
import { writeFileAtomic } from "../util/atomic-write";

/** The parameter through which `--data` reaches notebooks that declare it. */
const DATA_DIR_PARAMETER = "dataDir";
/** tslab drops queued requests for 200 ms after a failed cell; wait that out before running on. */
const TSLAB_ABORT_WINDOW_MS = 250;
const INTERRUPT_GRACE_MS = 2000;

export interface PreparedNotebook {
  /** The source notebook, as given. */
  file: string;
  /** Its name for messages. */
  name: string;
  /** Injected and ready to run. */
  notebook: Notebook;
  parameters: Parameters;
  /** Absolute data folder the notebook reads, when it declares dataDir. */
  dataDir: string | undefined;
  /**
   * Every folder the notebook reads through a parameter named `dataDir` or ending in `DataDir` (59.11's
   * `thenDataDir`), dataDir first: all of them are part of its cache key and worth watching.
   */
  dataDirs: string[];
}

/** A parameter that names a data folder: `dataDir`, or any name ending in `DataDir`. */
const isDataDirParameter = (name: string) => name === DATA_DIR_PARAMETER || name.endsWith("DataDir");

/**
 * Reads a notebook and injects parameters, the data folder's own (read by `folderParameters`) among the optional
 * ones. Throws UsageError (exit 2) for unreadable notebooks and unknown parameters.
 */
export function prepareNotebook(
  file: string,
  parameters: Parameters,
  dataDir: string | undefined,
  optionalParameters: Parameters = {},
  folderParameters?: ReadDataFolderParameters,
): PreparedNotebook {
  const name = displayPath(file);
  const folder = path.dirname(path.resolve(file));
  // --data arrives relative to the notebook's folder (the kernel's working directory), so reports stay portable.
  // Values for every notebook that declares the name (the data folder's, then the caller's), ignored by the rest.
  const own = dataDir ? folderParameters?.(dataDir) : undefined;
  const optional: Parameters = {
    ...(dataDir ? { ...own?.values, [DATA_DIR_PARAMETER]: path.relative(folder, path.resolve(dataDir)) || "." } : {}),
    ...optionalParameters,
  };
  const injection = injectParameters(readNotebook(file), parameters, name, optional, own ? displayPath(own.file) : undefined);
  const effective = { ...optional, ...parameters };
  const dataValue = parameterValue(injection, DATA_DIR_PARAMETER, effective);
  const readDir = typeof dataValue === "string" ? path.resolve(folder, dataValue) : undefined;
  const others = injection.declared
    .map((declared) => declared.name)
    .filter((name) => name !== DATA_DIR_PARAMETER && isDataDirParameter(name))
    .map((name) => parameterValue(injection, name, effective))
    .flatMap((value) => (typeof value === "string" ? [path.resolve(folder, value)] : []));
  return {
    file,
    name,
    notebook: injection.notebook,
    parameters: (injection.notebook.metadata.papermill as { parameters?: Parameters } | undefined)?.parameters ?? {},
    dataDir: readDir,
    dataDirs: [...new Set([...(readDir === undefined ? [] : [readDir]), ...others])],
  };
}

export interface ExecuteOptions {
  outDir: string;
  /** The folder the notebook reads, already hashed, when it declares dataDir. */
  dataFolder: DataFolder | undefined;
  /** The other folders it reads (`thenDataDir`), already hashed: part of the cache key. */
  otherDataFolders?: readonly DataFolder[];
  /** Where the notebook's kernel comes from; default: a fresh one started now. */
  kernels?: KernelProvider;
  /** Per cell, ms. */
  timeoutMs: number;
  /** Per cell, bytes of output kept; past it the output is cut and the cell stopped. Default DEFAULT_MAX_OUTPUT_BYTES. */
  maxOutputBytes?: number;
  allowErrors: boolean;
  force: boolean;
  library: string;
  /** The cache lookup, when the caller made it already (see lookupExecuted). */
  lookup?: ExecutedLookup;
  /**
   * The notebook's type check (check-run.ts), what tslab would print for each code cell that fails it. Given, the
   * kernel runs cells transpile-only and a cell that failed the check is never sent; without, tslab checks each cell.
   */
  check?: Promise<CellDiagnostics>;
  onCell?: (event: { notebook: string; done: number; total: number; cellNumber: number }) => void;
}

/**
 * Hands out started kernels, e.g. from a pool of spares started ahead of need. The runner shuts each down after
 * use, or gives it back to a provider that keeps kernels (`release`) for its next notebook.
 */
export interface KernelProvider {
  /** A kernel for a notebook in `cwd`; `label` names the notebook (for the kernel's CPU records). */
  take(cwd: string, label?: string): Promise<TslabKernel>;
  /** Takes back a kernel after its notebook; `reusable` is false when it timed out, died or was stopped. */
  release?(kernel: TslabKernel, reusable: boolean): Promise<void>;
}

export interface NotebookFailure {
  message: string;
  ename: string;
}

export interface NotebookResult {
  name: string;
  /** The source notebook. */
  file: string;
  /** The data folder the notebook read, with its files' hashes and dates, when it declares dataDir. */
  dataFolder: DataFolder | undefined;
  status: "ok" | "cached" | "failed";
  /** The executed notebook (or the reused one), as written to outputFile. */
  notebook: Notebook;
  /** Where the executed notebook was written (or reused). */
  outputFile: string;
  /** Each failed cell: a located, human-readable message and the error's name (e.g. "InputError", "TimeoutError"). */
  failures: NotebookFailure[];
  cellsRun: number;
  durationMs: number;
}

/** `reports/x.ipynb` for a clean run; a failed run goes to `x.failed.ipynb` so the last good output survives. */
function executedPath(outDir: string, file: string, failed: boolean): string {
  const base = path.basename(file, ".ipynb");
  return path.join(outDir, `${base}${failed ? ".failed" : ""}.ipynb`);
}

/** Said in a cell's output when the kernel never confirmed its end: the cell was ended after a quiet spell. */
const OUTPUT_MAY_BE_INCOMPLETE: CellOutput = {
  output_type: "stream",
  name: "stderr",
  text: "roilab: the kernel never confirmed the end of this cell's output, so some of it may be missing.\n",
};

function errorCell(failure: NotebookFailure): ErrorOutput {
  return { output_type: "error", ename: failure.ename, evalue: failure.message, traceback: [failure.message] };
}

/**
 * A fresh kernel for a notebook in `cwd`, its CPU record labelled with the notebook; `transpileOnly` when the
 * notebook's cells were type-checked already (check.ts).
 */
export function startNotebookKernel(cwd: string, notebook: string, transpileOnly: boolean): Promise<TslabKernel> {
  return TslabKernel.start({ cwd, env: { ...process.env, ROILAB_NOTEBOOK: notebook }, transpileOnly });
}

/** A notebook's cache key and, when nothing it depends on changed, its earlier executed copy. */
export interface ExecutedLookup {
  key: string;
  cached: Notebook | undefined;
}

export function lookupExecuted(
  prepared: PreparedNotebook,
  options: Pick<ExecuteOptions, "dataFolder" | "otherDataFolders" | "library" | "outDir" | "force">,
): ExecutedLookup {
  const { dataFolder } = options;
  const others = (options.otherDataFolders ?? []).map((folder) => folder.sha256);
  // A notebook reading one folder keeps the key it always had.
  const dataSha256 = others.length ? [dataFolder?.sha256 ?? "no data", ...others].join(",") : dataFolder?.sha256;
  const key = cacheKey({ notebook: prepared.notebook, parameters: prepared.parameters, dataSha256, library: options.library });
  const goodFile = executedPath(options.outDir, prepared.file, false);
  return { key, cached: options.force ? undefined : cachedNotebook(goodFile, key) };
}

/** Every code cell's source, in order: what the type check reads. */
export function codeCellSources(prepared: PreparedNotebook): string[] {
  return prepared.notebook.cells.filter((cell) => cell.cell_type === "code").map(cellSource);
}

export async function executeNotebook(prepared: PreparedNotebook, options: ExecuteOptions): Promise<NotebookResult> {
  const started = Date.now();
  const { notebook, name } = prepared;
  const { dataFolder } = options;
  const { key, cached } = options.lookup ?? lookupExecuted(prepared, options);
  const goodFile = executedPath(options.outDir, prepared.file, false);
  if (cached) {
    return {
      name,
      file: prepared.file,
      dataFolder,
      status: "cached",
      notebook: cached,
      outputFile: goodFile,
      failures: [],
      cellsRun: 0,
      durationMs: Date.now() - started,
    };
  }

  // Cells are numbered as in the source notebook the analyst edits; the injected cell shares its parameters cell's number.
  let position = 0;
  const numbered = notebook.cells.map((cell) => ({ cell, number: hasTag(cell, "injected-parameters") ? position : ++position }));
  const codeCells = numbered.filter(({ cell }) => cell.cell_type === "code");
  for (const { cell } of codeCells) {
    cell.outputs = [];
    cell.execution_count = null;
  }
  const failures: NotebookFailure[] = [];
  let cellsRun = 0;
  let kernelGone = false;
  const cwd = path.dirname(path.resolve(prepared.file));
  // The notebook's name labels the kernel's CPU record when ROILAB_KERNEL_CPU_DIR asks for one (see kernel-preload.ts).
  const kernel = await (options.kernels ? options.kernels.take(cwd, name) : startNotebookKernel(cwd, name, options.check !== undefined));

  /** What tslab prints and does for a cell that fails its type check: it runs none of it. */
  const refuse = (cell: Notebook["cells"][number], source: string, number: number, diagnostics: string): NotebookFailure => {
    const parsed = parseCellFailure(diagnostics, source, number);
    cell.outputs = [failureOutput(parsed)];
    return { message: formatCellFailure(name, parsed, source), ename: parsed.ename };
  };

  /** Runs one cell on the kernel and keeps its outputs and timing; its failure, if it failed. */
  const runOnKernel = async (cell: Notebook["cells"][number], source: string, number: number): Promise<NotebookFailure | undefined> => {
    const collector = new OutputCollector(options.maxOutputBytes);
    const requestedAt = new Date().toISOString();
    let failure: NotebookFailure | undefined;
    const stop = new AbortController();
    const onMessage = (message: IopubMessage) => {
      collector.add(message);
      if (collector.cut && !stop.signal.aborted) stop.abort(new OutputLimitError(options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES));
    };
    try {
      const { reply, idleMissing } = await kernel.execute(source, { timeoutMs: options.timeoutMs, onMessage, signal: stop.signal });
      cell.execution_count =
        reply.execution_count === undefined || reply.execution_count === null ? null : reply.execution_count - kernel.executionCountOffset;
      if (reply.status === "ok") {
        cell.outputs = collector.outputs;
      } else {
        const parsed: CellFailure = parseCellFailure(collector.stderrText() || reply.evalue || "the cell failed", source, number);
        cell.outputs = [...collector.withoutStderr(), failureOutput(parsed)];
        failure = { message: formatCellFailure(name, parsed, source), ename: parsed.ename };
      }
      if (idleMissing) cell.outputs = [...cell.outputs, OUTPUT_MAY_BE_INCOMPLETE];
    } catch (error) {
      if (error instanceof ExecuteTimeoutError || error instanceof OutputLimitError) {
        kernel.interrupt();
        await new Promise((resolve) => setTimeout(resolve, INTERRUPT_GRACE_MS));
        await kernel.shutdown(0);
        kernelGone = true;
        const what =
          error instanceof OutputLimitError
            ? `printed more than ${error.maxBytes / 1e6} MB (--max-output-mb)`
            : `did not finish within ${options.timeoutMs / 1000} s`;
        failure = {
          message: `${name}, cell ${number} - ${what}; the kernel was interrupted and stopped`,
          ename: error instanceof OutputLimitError ? "OutputLimit" : "TimeoutError",
        };
        cell.outputs = [...collector.outputs, errorCell(failure)];
      } else if (error instanceof KernelDiedError) {
        kernelGone = true;
        const recent = kernel.recentOutput();
        failure = {
          message: `${name}, cell ${number} - ${error.message} while running this cell${recent ? `\n${recent}` : ""}`,
          ename: "KernelDied",
        };
        cell.outputs = [...collector.outputs, errorCell(failure)];
      } else {
        throw error;
      }
    }
    cell.metadata.execution = { "shell.execute_request": requestedAt, "shell.execute_reply": new Date().toISOString() };
    return failure;
  };

  try {
    const checked = (await options.check) ?? [];
    // A notebook that fails its check runs no cell, unless every cell is to run (--allow-errors).
    const firstRefused = options.allowErrors ? -1 : checked.findIndex((text) => text !== null);
    for (const [index, { cell, number }] of codeCells.entries()) {
      const source = cellSource(cell);
      if (!source.trim()) continue;
      if (firstRefused >= 0 && index !== firstRefused) continue;
      const refused = checked[index] ?? null;
      const failure = refused !== null ? refuse(cell, source, number, refused) : await runOnKernel(cell, source, number);
      cellsRun += 1;
      options.onCell?.({ notebook: name, done: cellsRun, total: codeCells.length, cellNumber: number });
      if (failure) {
        failures.push(failure);
        if (!options.allowErrors || kernelGone) break;
        if (refused === null) await new Promise((resolve) => setTimeout(resolve, TSLAB_ABORT_WINDOW_MS));
      }
    }
  } finally {
    if (options.kernels?.release) await options.kernels.release(kernel, !kernelGone);
    else await kernel.shutdown();
  }

  const failed = failures.length > 0;
  const durationMs = Date.now() - started;
  notebook.metadata.roilab = {
    status: failed ? "failed" : "ok",
    cache_key: key,
    parameters: prepared.parameters,
    data_dir: prepared.dataDir ? path.relative(path.dirname(path.resolve(prepared.file)), prepared.dataDir) : null,
    executed_at: new Date(started).toISOString(),
    duration_ms: durationMs,
  };
  const outputFile = executedPath(options.outDir, prepared.file, failed && !options.allowErrors);
  writeFileAtomic(outputFile, serializeNotebook(notebook));
  if (!failed) rmSync(executedPath(options.outDir, prepared.file, true), { force: true });
  return { name, file: prepared.file, dataFolder, status: failed ? "failed" : "ok", notebook, outputFile, failures, cellsRun, durationMs };
}
