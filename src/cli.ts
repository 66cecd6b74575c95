import { parseArgs } from "node:util";
import { ExitCode, RoilabError, UsageError } from "./errors";
import { parseParameterFlag, readParametersFile, type Parameters } from "./notebook/parameters";
import { plainReporter, terminalReporter } from "./notebook/progress";
import { runNotebooks } from "./notebook/run";

import type * as ChapterModule from "./chapter";
import type * as DiffPageModule from "./report/diff-page";
import type * as PriceImportModule from "./data/price-import";
import { existsSync, statSync } from "node:fs";
import * as path from "node:path";
import type * as DataModule from "./data";
import type * as KernelInstallModule from "./kernel-install";
import type * as ReportModule from "./report";
import type * as ReportBuildModule from "./report/build";

// Commands load what they need when they run: a re-run with nothing changed should not pay for the CSV stack.
/* eslint-disable @typescript-eslint/no-require-imports */
const dataModule = () => require("./data") as typeof DataModule;
const reportModule = () => require("./report") as typeof ReportModule;
const kernelInstallModule = () => require("./kernel-install") as typeof KernelInstallModule;
const reportBuildModule = () => require("./report/build") as typeof ReportBuildModule;
const chapterModule = () => require("./chapter") as typeof ChapterModule;
/* eslint-enable @typescript-eslint/no-require-imports */

/** roilab's command line: parses arguments and calls the library. Output goes through `io` so tests can record it. */

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The terminal to draw progress bars on, when output is a terminal. */
  terminal?: NodeJS.WriteStream;
}

const USAGE = `Usage: roilab <command> [options]

Commands:
  run [NOTEBOOK|FOLDER...]     Execute notebooks on the tslab kernel (default: notebooks/)
  report [NOTEBOOK|FOLDER...]  Run the notebooks and publish them as HTML in reports/, with an index
  tables                    Print the chapter's key tables computed from the data folder
  audit                     List every figure the chapter prints beside the value its formulas give
  diff OLD_DIR NEW_DIR      What changed between two data folders and how each headline result moved
  prices import FILE.json   Update models.csv from a LiteLLM-style price map (models with a price_map_key)
  validate                  Check every CSV in the data folder; report each problem as file:line:column
  kernel-install            Register this project's tslab kernel with Jupyter and VS Code

Options for run:
  --out DIR            Where executed notebooks go (default: reports)
  --data DIR           Data folder for every notebook (default: each notebook's own, data/)
  -p, --param NAME=VALUE
                       Override a parameter (JSON value, else a string); repeatable
  --params FILE        Parameter values from a JSON object
  --timeout SECONDS    Limit per cell (default: 300)
  --jobs N             Notebooks run at once (default: number of cores)
  --force              Re-run notebooks even when nothing changed
  --allow-errors       Run every cell even after one fails

Options for report: all of run's, and
  --self-contained     Write single-file pages with the assets inlined
  --no-input           Hide all code; show markdown and outputs only
  --stale-days N       Warn on pages whose prices are older than N days (default: 90)

Options for tables, audit and validate:
  --data DIR           Data folder (default: data)
  --strict             (audit) Exit 1 when any printed figure is flagged
  --html FILE          (diff) Also write the comparison as an HTML page
  --as-of DATE         (prices import) as_of of the imported prices (default: today)

Options for kernel-install:
  --prefix DIR         Install under DIR/share/jupyter/kernels (default: your Jupyter data folder)

General:
  --debug              Show stack traces for errors
  -h, --help           Show this help
  --version            Show roilab's version

Exit codes: 0 success, 1 a notebook or check failed, 2 bad input or usage.
`;

const OPTIONS = {
  data: { type: "string" },
  out: { type: "string", default: "reports" },
  param: { type: "string", short: "p", multiple: true, default: [] as string[] },
  params: { type: "string" },
  timeout: { type: "string", default: "300" },
  jobs: { type: "string" },
  force: { type: "boolean", default: false },
  "allow-errors": { type: "boolean", default: false },
  "self-contained": { type: "boolean", default: false },
  "no-input": { type: "boolean", default: false },
  strict: { type: "boolean", default: false },
  html: { type: "string" },
  "as-of": { type: "string" },
  "stale-days": { type: "string", default: "90" },
  prefix: { type: "string" },
  debug: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", default: false },
} as const;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function positiveNumber(flag: string, text: string, integer: boolean): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} must be a positive ${integer ? "whole number" : "number"}, got ${JSON.stringify(text)}`);
  }
  return value;
}

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../package.json") as { version: string }).version;
}

type Args = ReturnType<typeof parse>;

function noPositionals(args: Args, command: string): void {
  if (args.positionals.length > 1) throw new UsageError(`${command} takes no arguments, got ${JSON.stringify(args.positionals[1])}`);
}

function runOptions(args: Args, io: CliIo) {
  const parameters: Parameters = args.values.params ? readParametersFile(args.values.params) : {};
  for (const flag of args.values.param) {
    const [name, value] = parseParameterFlag(flag);
    parameters[name] = value;
  }
  return {
    paths: args.positionals.slice(1),
    outDir: args.values.out,
    parameters,
    dataDir: args.values.data,
    timeoutMs: positiveNumber("--timeout", args.values.timeout, false) * 1000,
    jobs: args.values.jobs === undefined ? undefined : positiveNumber("--jobs", args.values.jobs, true),
    force: args.values.force,
    allowErrors: args.values["allow-errors"],
    reporter: io.terminal ? terminalReporter(io.terminal) : plainReporter(io.stdout),
  };
}

function reportFailures(results: { failures: string[] }[], io: CliIo): number {
  const failures = results.flatMap((result) => result.failures);
  for (const failure of failures) io.stderr(`${failure}\n`);
  return failures.length > 0 ? ExitCode.failed : ExitCode.ok;
}

async function run(args: Args, io: CliIo): Promise<number> {
  return reportFailures(await runNotebooks(runOptions(args, io)), io);
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function report(args: Args, io: CliIo): Promise<number> {
  const { buildReports } = reportBuildModule();
  const result = await buildReports({ ...runOptions(args, io), selfContained: args.values["self-contained"], noInput: args.values["no-input"], staleDays: positiveNumber("--stale-days", args.values["stale-days"], true) });
  if (result.plotly.missing.length) io.stdout(`using the complete Plotly build: the figures use ${result.plotly.missing.join(", ")}\n`);
  for (const page of result.pages) {
    io.stdout(`wrote ${page.file}  ${kilobytes(page.bytes)}${page.bytesWithAssets > page.bytes ? ` (${kilobytes(page.bytesWithAssets)} with shared assets)` : ""}\n`);
  }
  return reportFailures(result.notebooks, io);
}

/** Runs one roilab command and resolves to its exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    const args = parse(argv);
    const command = args.positionals[0];
    if (args.values.version) {
      io.stdout(`roilab ${version()}\n`);
      return ExitCode.ok;
    }
    if (args.values.help || command === undefined) {
      io.stdout(USAGE);
      return args.values.help ? ExitCode.ok : ExitCode.badInput;
    }
    switch (command) {
      case "run":
        return await run(args, io);
      case "report":
        return await report(args, io);
      case "tables": {
        noPositionals(args, command);
        const { chapterTextReport } = reportModule();
        io.stdout(chapterTextReport(dataModule().loadDataset(args.values.data ?? "data")));
        return ExitCode.ok;
      }
      case "audit": {
        noPositionals(args, command);
        const { checkPublishedFigures } = chapterModule();
        const checks = checkPublishedFigures(dataModule().loadDataset(args.values.data ?? "data"));
        io.stdout(reportModule().auditTable(checks));
        return args.values.strict && checks.some((check) => !check.withinRounding) ? ExitCode.failed : ExitCode.ok;
      }
      case "diff": {
        const [before, after, extra] = args.positionals.slice(1);
        if (!before || !after || extra) throw new UsageError("diff takes two data folders: roilab diff OLD_DIR NEW_DIR");
        for (const dir of [before, after]) if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: no such data folder`);
        const { diffDatasets } = chapterModule();
        const diff = diffDatasets(dataModule().loadDataset(before), dataModule().loadDataset(after));
        io.stdout(reportModule().diffText(diff, { before, after }));
        if (args.values.html) {
          (require("./report/diff-page") as typeof DiffPageModule).writeDiffPage(args.values.html, diff, { before, after }); // eslint-disable-line @typescript-eslint/no-require-imports
          io.stdout(`wrote ${args.values.html}\n`);
        }
        return ExitCode.ok;
      }
      case "prices": {
        const [verb, mapFile, extra] = args.positionals.slice(1);
        if (verb !== "import" || !mapFile || extra) throw new UsageError("usage: roilab prices import FILE.json [--data DIR] [--as-of YYYY-MM-DD]");
        const dataDir = args.values.data ?? "data";
        const { importPrices } = require("./data/price-import") as typeof PriceImportModule; // eslint-disable-line @typescript-eslint/no-require-imports
        const result = importPrices({ mapFile, dataDir, asOf: args.values["as-of"] ?? new Date().toISOString().slice(0, 10) });
        io.stdout(`updated ${result.file}: ${result.imported.length} models from ${mapFile}${result.unmapped.length ? `; no price_map_key, left as they were: ${result.unmapped.join(", ")}` : ""}\n\n`);
        const { diffDatasets } = chapterModule();
        io.stdout(reportModule().diffText(diffDatasets(result.before, dataModule().loadDataset(dataDir)), { before: `${dataDir} before the import`, after: `${dataDir} after` }));
        return ExitCode.ok;
      }
      case "validate": {
        noPositionals(args, command);
        const dir = args.values.data ?? "data";
        const { loadDataset, TABLE_SPECS } = dataModule();
        const data = loadDataset(dir);
        const rows = Object.values(data).filter(Array.isArray).reduce((sum: number, table: unknown[]) => sum + table.length, 0);
        const files = TABLE_SPECS.filter((spec) => existsSync(path.join(dir, spec.file)));
        const absent = TABLE_SPECS.filter((spec) => !existsSync(path.join(dir, spec.file))).map((spec) => spec.file);
        io.stdout(`${dir}: ${files.length} files, ${rows} rows, no problems${absent.length ? ` (optional, absent: ${absent.join(", ")})` : ""}\n`);
        return ExitCode.ok;
      }
      case "kernel-install": {
        noPositionals(args, command);
        const { installKernel } = kernelInstallModule();
        io.stdout(`Registered the TypeScript (tslab) kernel: ${installKernel({ prefix: args.values.prefix })}\n`);
        return ExitCode.ok;
      }
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}; expected run, report, tables, audit, diff, prices, validate or kernel-install`);
    }
  } catch (error) {
    if (error instanceof RoilabError) {
      io.stderr(`${debug && error.stack ? error.stack : error.message}\n`);
      if (error instanceof UsageError) io.stderr("Run roilab --help for usage.\n");
      return error.exitCode;
    }
    io.stderr(`${debug && error instanceof Error && error.stack ? error.stack : String(error)}\n`);
    return ExitCode.failed;
  }
}
