/** roilab's command line: parses each command's own options and calls the library. Output goes through `io` so tests can record it. */
import { existsSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { ExitCode, formatDataIssue, RoilabError, UsageError } from "../errors";
import type { NotebookResult } from "../notebook/execute";
import type { Parameters } from "../notebook/parameters";
import type { RunOptions } from "../notebook/run";
import { findChromium } from "../report/pdf/find-chromium";
import type { PrintOptions } from "../report/pdf/print-pages";
import { PROJECT_ROOT } from "../util/project-root";
import { ensureWritableFolder } from "../util/writable-folder";
import { parseLang } from "../i18n/lang";
import { TERMINAL_WORDS } from "../i18n/terminal";
import { commandHelp, overviewHelp, usageLines } from "./help";
import {
  COMMAND_OPTIONS,
  COMMANDS,
  currencyFlag,
  GLOBAL_PARSER_OPTIONS,
  isCommand,
  isoDateFlag,
  LONGEST_TIMEOUT_SECONDS,
  noPositionals,
  portFlag,
  positiveNumber,
  type Command,
  type OptionTable,
} from "./options";

// Each command loads the modules it needs when it runs (`import()` below), so that `roilab --version`, `tables` or
// `validate` start without the data frames, the kernel runner, the publisher, Chromium's driver or the PDF library.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The terminal to draw progress bars on, when output is a terminal. */
  terminal?: NodeJS.WriteStream;
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

/** Error names of notebook failures caused by what the user gave (an unknown id, a value out of range): exit 2, not 1. */
const BAD_INPUT_ERRORS = new Set(["InputError", "DataError", "UsageError"]);

function exitCodeOf(results: readonly NotebookResult[], io: CliIo): number {
  const failures = results.flatMap((result) => result.failures);
  for (const failure of failures) io.stderr(`${failure.message}\n`);
  if (failures.length === 0) return ExitCode.ok;
  return failures.every((failure) => BAD_INPUT_ERRORS.has(failure.ename)) ? ExitCode.badInput : ExitCode.failed;
}

/** Parses a command's arguments (everything after its name) against its own options and the global ones. */
function parseCommand<T extends OptionTable>(command: Command, argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { ...GLOBAL_PARSER_OPTIONS, ...options } });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}

/** Parses arguments given without a command: only --help, --version and --debug mean anything there. */
function parseGlobal(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: GLOBAL_PARSER_OPTIONS });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const OPTIONS = COMMAND_OPTIONS;
const parseRun = (argv: readonly string[]) => parseCommand("run", argv, OPTIONS.run);
const parseReport = (argv: readonly string[]) => parseCommand("report", argv, OPTIONS.report);

const parsePreview = (argv: readonly string[]) => parseCommand("preview", argv, OPTIONS.preview);

async function runOptions(
  args: ReturnType<typeof parseRun> | ReturnType<typeof parseReport> | ReturnType<typeof parsePreview>,
  io: CliIo,
): Promise<RunOptions> {
  const [{ parseParameterFlag, readParametersFile }, { plainReporter, terminalReporter }, { inspectDataFolder, dataFolderParameters }] =
    await Promise.all([import("../notebook/parameters.js"), import("../notebook/progress.js"), import("./data-folders.js")]);
  const values: { out?: string; force?: boolean; "allow-errors"?: boolean } = args.values;
  // No prototype: `-p __proto__=...` is a parameter name like any other, and so an unknown one.
  const parameters: Parameters = Object.assign(
    Object.create(null) as Parameters,
    args.values.params ? readParametersFile(args.values.params) : {},
  );
  for (const flag of args.values.param) {
    const [name, value] = parseParameterFlag(flag);
    parameters[name] = value;
  }
  return {
    paths: args.positionals,
    outDir: values.out ?? "reports",
    parameters,
    dataDir: args.values.data,
    // The display currency, for every notebook that takes a `currency` (the audit keeps the chapter's dollars).
    // And the language, for every notebook that takes a `lang` (report and preview): its tables, figures and sentences
    // in it. Left out, each data folder's own `lang` reaches its notebooks, so each edition keeps its language.
    optionalParameters: {
      ...(args.values.currency === undefined ? {} : { currency: currencyFlag(args.values.currency) }),
      ...("lang" in args.values && args.values.lang !== undefined ? { lang: parseLang(args.values.lang) } : {}),
    },
    timeoutMs: positiveNumber("--timeout", args.values.timeout, false, LONGEST_TIMEOUT_SECONDS) * 1000,
    maxOutputBytes: positiveNumber("--max-output-mb", args.values["max-output-mb"], false) * 1e6,
    jobs: args.values.jobs === undefined ? undefined : positiveNumber("--jobs", args.values.jobs, true),
    force: values.force ?? false,
    allowErrors: values["allow-errors"] ?? false,
    reporter: io.terminal ? terminalReporter(io.terminal) : plainReporter(io.stdout),
    inspectDataFolder: (dir) => inspectDataFolder(dir, io.stderr),
    dataFolderParameters,
  };
}

const PAPER_SIZES = { a4: "A4", letter: "Letter" } as const;

/** How report --pdf prints, checked before any kernel starts: a missing browser is known at once, not after the notebooks ran. */
/** `--title`: a line of text, trimmed; an empty one is a usage error. */
function reportTitle(title: string | undefined): string | undefined {
  if (title === undefined) return undefined;
  const trimmed = title.trim();
  if (trimmed === "" || /[\r\n]/.test(trimmed)) throw new UsageError("--title must be one non-empty line of text");
  return trimmed;
}

function pdfOptions(chromium: string | undefined, paper: string | undefined, code: boolean): PrintOptions {
  const key = (paper ?? "A4").toLowerCase();
  if (!Object.hasOwn(PAPER_SIZES, key)) throw new UsageError(`--paper must be A4 or Letter, got ${JSON.stringify(paper)}`);
  return { chromium: findChromium({ given: chromium }), paper: PAPER_SIZES[key as keyof typeof PAPER_SIZES], code };
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Each command: its parsed arguments in, its exit code out. */
const COMMAND_RUNNERS: Record<Command, (argv: readonly string[], io: CliIo) => Promise<number> | number> = {
  async run(argv, io) {
    const args = parseRun(argv);
    const options = await runOptions(args, io);
    const { runNotebooks } = await import("../notebook/run.js");
    return exitCodeOf(await runNotebooks(options), io);
  },

  async report(argv, io) {
    const args = parseReport(argv);
    const staleDays = positiveNumber("--stale-days", args.values["stale-days"], true);
    const printCode = args.values["pdf-code"];
    if (!args.values.pdf && (args.values.chromium !== undefined || args.values.paper !== undefined || printCode))
      throw new UsageError("--chromium, --paper and --pdf-code are for --pdf; add --pdf");
    if (printCode && args.values["no-input"]) throw new UsageError("--pdf-code prints the code that --no-input leaves out; choose one");
    const pdf = args.values.pdf ? pdfOptions(args.values.chromium, args.values.paper, printCode) : undefined;
    const title = reportTitle(args.values.title);
    const options = await runOptions(args, io);
    const [{ buildEditions }, { editionPlans, pageLang }, { roilabPages }] = await Promise.all([
      import("../report/build.js"),
      import("./data-folders.js"),
      import("./pages.js"),
    ]);
    // Notebooks named one by one print alone with --pdf; a folder, or none, prints the whole report.
    const printNamedOnly = options.paths.some((given) => existsSync(given) && !statSync(given).isDirectory());
    // Each edition in its own language unless --lang names one for all: the China edition's pages are in Chinese.
    const plans = (
      args.values.editions ? editionPlans(options.outDir, options.dataDir) : [{ outDir: options.outDir, dataDir: options.dataDir }]
    ).map((plan) => ({ ...plan, ...roilabPages(pageLang(args.values.lang, plan.dataDir)) }));
    const lang = pageLang(args.values.lang, options.dataDir);
    const results = await buildEditions(
      {
        ...options,
        selfContained: args.values["self-contained"],
        noInput: args.values["no-input"],
        trustHtml: args.values["trust-html"],
        staleDays,
        pdf,
        title,
        printNamedOnly,
      },
      plans,
    );
    const words = TERMINAL_WORDS[lang];
    for (const result of results) {
      if (result.plotly.missing.length) io.stdout(`${words.completePlotly(result.plotly.missing.join(", "))}\n`);
      for (const page of result.pages) {
        const withAssets = page.bytesWithAssets > page.bytes ? kilobytes(page.bytesWithAssets) : "";
        io.stdout(`${words.wrotePage(page.file, kilobytes(page.bytes), withAssets)}\n`);
      }
      if (result.pdf) io.stdout(`${words.wrotePdf(result.pdf.file, result.pdf.pageCount)}\n`);
    }
    return exitCodeOf(
      results.flatMap((result) => result.notebooks),
      io,
    );
  },

  async preview(argv, io) {
    const args = parsePreview(argv);
    const port = portFlag(args.values.port);
    const staleDays = positiveNumber("--stale-days", args.values["stale-days"], true);
    const { defaultPreviewFolder, openInBrowser } = await import("./preview-support.js");
    const outDir = args.values.out ?? defaultPreviewFolder();
    // Checked before serving: a preview whose pages can never be written would serve an empty folder for ever.
    ensureWritableFolder(outDir);
    const options = await runOptions(args, io);
    const [{ startPreview }, { plainReporter }, { roilabPages }, { pageLang }] = await Promise.all([
      import("../report/preview/preview.js"),
      import("../notebook/progress.js"),
      import("./pages.js"),
      import("./data-folders.js"),
    ]);
    const lang = pageLang(args.values.lang, options.dataDir);
    const preview = await startPreview({
      ...options,
      ...roilabPages(lang),
      outDir,
      // Progress goes to stderr: stdout carries the address, first.
      reporter: plainReporter(io.stderr),
      selfContained: false,
      noInput: args.values["no-input"],
      trustHtml: args.values["trust-html"],
      staleDays,
      port,
      log: io.stderr,
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE")
        throw new UsageError(`--port ${port}: another program listens there; choose another port or --port 0 for any free one`);
      throw error;
    });
    io.stdout(`${TERMINAL_WORDS[lang].previewServing(preview.url, outDir)}\n`);
    if (args.values.open) openInBrowser(preview.url);
    // Runs until Ctrl-C or SIGTERM, which the executable turns into exit 130 or 143 after stopping every kernel.
    return new Promise<number>(() => undefined);
  },

  async tables(argv, io) {
    const args = parseCommand("tables", argv, OPTIONS.tables);
    noPositionals("tables", args.positionals);
    const lang = parseLang(args.values.lang);
    const [{ loadDataset }, { inCurrency, selectWorkload }, { chapterTextReport }, { pricingCurrency }] = await Promise.all([
      import("../data/index.js"),
      import("../analysis/index.js"),
      import("../analysis/text/index.js"),
      import("./data-folders.js"),
    ]);
    io.stdout(
      chapterTextReport(
        inCurrency(
          selectWorkload(loadDataset(args.values.data), { workloadId: args.values.workload }),
          pricingCurrency(args.values.currency, args.values.data),
        ),
        lang,
      ),
    );
    return ExitCode.ok;
  },

  async decide(argv, io) {
    const args = parseCommand("decide", argv, OPTIONS.decide);
    noPositionals("decide", args.positionals);
    const lang = parseLang(args.values.lang);
    const [
      { loadDataset },
      { caseStudyDecision, decide, displayCurrency, routerSplit, workloadById },
      { decisionJson, decisionText },
      { pricingCurrency },
    ] = await Promise.all([
      import("../data/index.js"),
      import("../analysis/index.js"),
      import("../analysis/text/index.js"),
      import("./data-folders.js"),
    ]);
    const data = loadDataset(args.values.data);
    const currency = displayCurrency(data, pricingCurrency(args.values.currency, args.values.data));
    const utilisation = args.values.utilisation === undefined ? undefined : positiveNumber("--utilisation", args.values.utilisation, false);
    if (utilisation !== undefined && utilisation > 1)
      throw new UsageError(`--utilisation must be at most 1, got ${args.values.utilisation}`);
    const caseStudy = args.values["case-study"];
    if (caseStudy !== undefined && (args.values.workload !== undefined || args.values.current !== undefined))
      throw new UsageError("--case-study decides the case study's own workload and today's API: leave out --workload and --current");
    const decision =
      caseStudy !== undefined
        ? caseStudyDecision(data, caseStudy, 200, utilisation)
        : decide(data, {
            workloadId: args.values.workload,
            currentModelId: args.values.current,
            targetUtilisation: utilisation,
            hybrid: routerSplit(data, workloadById(data, args.values.workload)),
          });
    io.stdout(args.values.json ? decisionJson(decision, currency) : decisionText(decision, currency, lang));
    return ExitCode.ok;
  },

  async audit(argv, io) {
    const args = parseCommand("audit", argv, OPTIONS.audit);
    noPositionals("audit", args.positionals);
    const [{ loadDataset }, { auditChapter }, { auditReport }] = await Promise.all([
      import("../data/index.js"),
      import("../analysis/index.js"),
      import("../analysis/text/index.js"),
    ]);
    const audit = auditChapter(loadDataset(args.values.data));
    io.stdout(auditReport(audit));
    return args.values.strict && audit.flaggedCount > 0 ? ExitCode.failed : ExitCode.ok;
  },

  async diff(argv, io) {
    const args = parseCommand("diff", argv, OPTIONS.diff);
    const [before, after, extra] = args.positionals;
    if (!before || !after || extra) throw new UsageError("diff takes two data folders: roilab diff OLD_DIR NEW_DIR");
    for (const dir of [before, after])
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: no such data folder`);
    const [{ loadDataset }, { diffDatasets }, { diffText, diffHtmlBody }] = await Promise.all([
      import("../data/index.js"),
      import("../analysis/index.js"),
      import("../analysis/text/index.js"),
    ]);
    const afterData = loadDataset(after);
    const diff = diffDatasets(loadDataset(before), afterData);
    io.stdout(diffText(diff, { before, after }));
    if (args.values.html) {
      const labels = { before: path.basename(path.resolve(before)), after: path.basename(path.resolve(after)) };
      const [{ writeStandalonePage }, { dataFileRecords }, { ROILAB_PAGES }] = await Promise.all([
        import("../report/standalone-page.js"),
        import("./data-folders.js"),
        import("./pages.js"),
      ]);
      writeStandalonePage(args.values.html, {
        title: `roilab — price update ${labels.before} → ${labels.after}`,
        body: diffHtmlBody(diff, labels),
        data: dataFileRecords(afterData),
        recordedPackages: ROILAB_PAGES.recordedPackages,
        site: ROILAB_PAGES.site,
      });
      io.stdout(`wrote ${args.values.html}\n`);
    }
    return ExitCode.ok;
  },

  async prices(argv, io) {
    const args = parseCommand("prices", argv, OPTIONS.prices);
    const [verb, ...rest] = args.positionals;
    const dataDir = args.values.data;
    const asOf = isoDateFlag("--as-of", args.values["as-of"] ?? new Date().toISOString().slice(0, 10));
    const load = () => Promise.all([import("../data/index.js"), import("../analysis/index.js"), import("../analysis/text/index.js")]);
    if (verb === "import") {
      const [mapFile, extra] = rest;
      if (!mapFile || extra) throw new UsageError(usageLines("prices", "import"));
      if (args.values["dry-run"] || args.values.strict) throw new UsageError("--dry-run and --strict belong to prices update");
      const [[{ loadDataset }, { diffDatasets }, { diffText }], { importPrices }] = await Promise.all([
        load(),
        import("../data/price-import.js"),
      ]);
      const result = importPrices({ mapFile, dataDir, asOf });
      io.stdout(
        `updated ${result.file}: ${result.imported.length} models from ${mapFile}${result.unmapped.length ? `; no price_map_key, left as they were: ${result.unmapped.join(", ")}` : ""}\n\n`,
      );
      io.stdout(
        diffText(diffDatasets(result.before, loadDataset(dataDir)), { before: `${dataDir} before the import`, after: `${dataDir} after` }),
      );
      return ExitCode.ok;
    }
    if (verb === "update") {
      if (rest.length)
        throw new UsageError(`prices update takes no file, got ${JSON.stringify(rest[0])}; it reads the bundled price database`);
      const [[{ loadDataset }, { diffDatasets }, { diffText }], { updatePrices }, { priceUpdateSummary }] = await Promise.all([
        load(),
        import("../data/price-update.js"),
        import("./price-update-summary.js"),
      ]);
      const result = updatePrices({ dataDir, asOf, dryRun: args.values["dry-run"], strict: args.values.strict });
      io.stdout(priceUpdateSummary(result));
      const after = result.written ? loadDataset(dataDir) : undefined;
      if (after)
        io.stdout(
          `\n${diffText(diffDatasets(result.before, after), { before: `${dataDir} before the update`, after: `${dataDir} after` })}`,
        );
      return ExitCode.ok;
    }
    throw new UsageError(usageLines("prices"));
  },

  async validate(argv, io) {
    const args = parseCommand("validate", argv, OPTIONS.validate);
    noPositionals("validate", args.positionals);
    const dir = args.values.data;
    const { readDataset, TABLE_SPECS } = await import("../data/index.js");
    const { data, notes } = readDataset(dir);
    for (const note of notes) io.stderr(`warning: ${formatDataIssue(note)}\n`);
    const rows = Object.values(data)
      .filter(Array.isArray)
      .reduce((sum: number, table: unknown[]) => sum + table.length, 0);
    const present = TABLE_SPECS.filter((spec) => existsSync(path.join(dir, spec.file)));
    const absent = TABLE_SPECS.filter((spec) => !present.includes(spec)).map((spec) => spec.file);
    io.stdout(
      `${dir}: ${present.length} files, ${rows} rows, no problems${absent.length ? ` (optional, absent: ${absent.join(", ")})` : ""}\n`,
    );
    return ExitCode.ok;
  },

  async workload(argv, io) {
    const args = parseCommand("workload", argv, OPTIONS.workload);
    const [verb, ...files] = args.positionals;
    const usage = usageLines("workload");
    if (verb !== "import" || files.length === 0) throw new UsageError(usage);
    if (args.values.id === undefined) throw new UsageError(`workload import needs --id NAME, the workload's id in workloads.csv\n${usage}`);
    const [{ importWorkload }, { workloadImportSummary }] = await Promise.all([
      import("../analysis/workload-import.js"),
      import("./workload-import-summary.js"),
    ]);
    const result = await importWorkload({
      files,
      dataDir: args.values.data,
      id: args.values.id,
      timeZone: args.values["time-zone"],
      replace: args.values.replace,
    });
    io.stdout(workloadImportSummary(result));
    return ExitCode.ok;
  },

  async "kernel-install"(argv, io) {
    const args = parseCommand("kernel-install", argv, OPTIONS["kernel-install"]);
    noPositionals("kernel-install", args.positionals);
    const { installKernel } = await import("../notebook/kernel-install.js");
    io.stdout(`Registered the TypeScript (tslab) kernel: ${installKernel({ prefix: args.values.prefix })}\n`);
    return ExitCode.ok;
  },
};

async function dispatch(command: Command, argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(commandHelp(command));
    return ExitCode.ok;
  }
  return COMMAND_RUNNERS[command](argv, io);
}

/** Runs one roilab command and resolves to its exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    const [first, ...rest] = argv;
    if (isCommand(first)) return await dispatch(first, rest, io);
    const args = parseGlobal(argv);
    const command = args.positionals[0];
    if (command !== undefined) throw new UsageError(`unknown command ${JSON.stringify(command)}; expected ${COMMANDS.join(", ")}`);
    if (args.values.version) {
      io.stdout(`roilab ${version()}\n`);
      return ExitCode.ok;
    }
    io.stdout(overviewHelp());
    return args.values.help ? ExitCode.ok : ExitCode.badInput;
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
