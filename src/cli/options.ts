/**
 * Each command's own options, so a flag that means nothing to a command is refused instead of ignored
 * (`roilab validate --jobs 3` is a usage error), and each is described once: the parser's definitions,
 * `roilab --help` and the README's command line section are all made from the tables below (see help.ts).
 */
import type { ParseArgsConfig } from "node:util";
import { ROILAB_SITE } from "./site";
import { UsageError } from "../errors";
import { DEFAULT_TARGET_UTILISATION } from "../model/capacity";
import { CHROMIUM_NAMES } from "../report/pdf/find-chromium";
import { FIRST_YEAR, isCalendarDate } from "../util/calendar-date";
import { DEFAULT_LANG, LANGS } from "../i18n/lang";

export type OptionTable = NonNullable<ParseArgsConfig["options"]>;

/**
 * One option: what the parser needs (`type`, `short`, `multiple`, `default`) and what a reader is told. Texts are
 * written for the README (`code` in backticks, `[links](#section)`); help prints them as plain text.
 */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** The value the parser gives when the flag is absent. */
  default?: string | boolean | string[];
  /** The value's name, `DIR` in `--out DIR`; none for a switch. */
  value?: string;
  /** What it does, lower case and without a full stop: every help text shows it. */
  description: string;
  /** More sentences, for `roilab <command> --help` and the README. */
  details?: string;
  /** The default as a reader is told it, where the parser has none or its value says too little (`number of cores`). */
  shownDefault?: string;
}

/** One way to call a command: what follows its name, and what it does (lower case, as `description` above). */
export interface CommandForm {
  arguments?: string;
  summary: string;
  details?: string;
}

export const GLOBAL_OPTIONS = {
  debug: { type: "boolean", default: false, description: "show stack traces for errors" },
  help: { type: "boolean", short: "h", default: false, description: "show this help; after a command, that command's options in full" },
  version: { type: "boolean", default: false, description: "print roilab's version (`roilab --version`)" },
} as const satisfies Record<string, OptionSpec>;

/** The longest a Node.js timer waits, in seconds: 2^31 - 1 ms. A longer one fires at once, failing every cell. */
export const LONGEST_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

const DATA = { type: "string", value: "DIR", default: "data", description: "the data folder" } as const satisfies OptionSpec;

const LANG_VALUES = LANGS.map((lang) => `\`${lang}\``).join(" or ");

/** `--lang` of report and preview: the language of the publisher's own words on the pages. */
const PAGE_LANG = {
  type: "string",
  value: "LANG",
  shownDefault: `the data folder's \`lang\` in its \`parameters.json\`, else \`${DEFAULT_LANG}\``,
  description: `the language the pages' own words are written in: ${LANG_VALUES} (Simplified Chinese)`,
  details:
    "Each page gets `<html lang>` and the publisher's words in it: header, edition switch, banners, contents, footer, index, buttons, the what-if panels' frame and the PDF's bookmarks, with dates as `2026年11月29日`; the notebooks' prose in its translation; and every notebook that declares a `lang` parameter (all of roilab's do) gets it, so what its code writes (findings, tables, figures, hovers, what-if panels) is in it too.",
} as const satisfies OptionSpec;

/** `--lang` of tables and decide: the language of their headings and labels in the terminal. */
const TERMINAL_LANG = {
  type: "string",
  value: "LANG",
  default: DEFAULT_LANG,
  description: `the language of the headings, labels and money: ${LANG_VALUES} (Simplified Chinese)`,
  details:
    "In Chinese money reads `¥12,345.00` under 100,000 and `¥12.35万` from there on (`亿` from 100,000,000); what the analysis composes (option names, compliance, quality, task types and tiers, notes, the bottom line) is in it too, in the pages' own words. Model, provider and hardware names stay as the data writes them.",
} as const satisfies OptionSpec;

/** The runner's options that run, report and preview share. */
const RUNNER = {
  data: {
    type: "string",
    value: "DIR",
    description: "the data folder for every notebook that declares a `dataDir` parameter, e.g. a dated price snapshot",
    // No parser default: notebooks read their own dataDir unless --data names another.
    shownDefault: "each notebook's own, `../data`",
  },
  currency: {
    type: "string",
    value: "CODE",
    description:
      "show money in this currency (`CNY`, or any with a row in the data folder's `exchange_rates.csv`) in every notebook that declares a `currency` parameter",
    details:
      "Tables, figures, hovers, what-if panels and their CSV downloads show it, and each page states the rate and its date; the audit (59.6) keeps the chapter's dollars.",
    // No parser default: notebooks show money in USD unless --currency names another.
    shownDefault: "`USD`",
  },
  param: {
    type: "string",
    short: "p",
    multiple: true,
    default: [] as string[],
    value: "NAME=VALUE",
    description:
      'override a parameter; the value is read as JSON where it parses (`2000`, `true`, `[1,2]`, `"text"`), else as text; repeatable',
  },
  params: { type: "string", value: "FILE", description: "parameter values from a JSON object; `-p` wins over it" },
  timeout: {
    type: "string",
    value: "SECONDS",
    default: "300",
    description: "time limit per cell: the kernel is interrupted, then stopped, and the cell named",
    details: `At most ${LONGEST_TIMEOUT_SECONDS} (24.8 days, the longest a timer waits).`,
  },
  "max-output-mb": {
    type: "string",
    value: "MB",
    default: "50",
    description: "output kept per cell: past it the output is cut with a note, the kernel is interrupted, then stopped, and the cell named",
  },
  jobs: { type: "string", value: "N", description: "notebooks run at once", shownDefault: "number of cores" },
} as const satisfies Record<string, OptionSpec>;

const RUN = {
  out: { type: "string", value: "DIR", default: "reports", description: "where executed notebooks are written" },
  ...RUNNER,
  force: { type: "boolean", default: false, description: "re-run notebooks even when nothing changed" },
  "allow-errors": { type: "boolean", default: false, description: "run every cell even after one fails, and write the notebook in place" },
} as const satisfies Record<string, OptionSpec>;

/** The publisher's options that report and preview share. */
const PUBLISHER = {
  "no-input": { type: "boolean", default: false, description: "hide all code; show markdown and outputs only" },
  "trust-html": {
    type: "boolean",
    default: false,
    description: "publish notebooks' HTML outputs as they are, as Jupyter does for trusted notebooks, instead of sanitised",
  },
  "stale-days": { type: "string", value: "N", default: "90", description: "warn on pages whose prices are older than N days" },
  lang: PAGE_LANG,
} as const satisfies Record<string, OptionSpec>;

const REPORT = {
  ...RUN,
  "self-contained": {
    type: "boolean",
    default: false,
    description: "one file per page, assets inlined, instead of the shared `reports/assets/`",
  },
  ...PUBLISHER,
  editions: {
    type: "boolean",
    default: false,
    description:
      "publish every edition of `--data` (default `data`): its newest dated sub-folder (`data/2026-11`) at `--out`, each older dated one in a sub-folder of `--out` of its name, and the folder's own in `--out`'s `chapter/`, all linked both ways",
    details:
      "One command, one hold on the output folders, and each edition's links to the others written once all are built. `npm run report` is `roilab report --editions`.",
  },
  pdf: {
    type: "boolean",
    default: false,
    description: "also print the report to `report.pdf` in `--out` with headless Chromium, and print its path and page count",
    details:
      "It prints the index then each page in section order, or, when notebook files are named, only their pages. See [The report as one PDF](#the-report-as-one-pdf).",
  },
  "pdf-code": {
    type: "boolean",
    default: false,
    description:
      "print the notebooks' code in the PDF, folded cells (imports, parameters) open, with the prose that speaks of it (cells tagged `only-with-code`); without it the PDF has no code",
  },
  chromium: {
    type: "string",
    value: "PATH",
    description: "the Chromium or Chrome that prints `--pdf`",
    shownDefault: `the first of ${CHROMIUM_NAMES.map((name) => `\`${name}\``).join(", ")} on \`PATH\``,
  },
  // No parser default: --paper without --pdf is a usage error.
  paper: { type: "string", value: "SIZE", description: "the PDF's paper, `A4` or `Letter`", shownDefault: "`A4`" },
  title: {
    type: "string",
    value: "TEXT",
    description: "the report's title, on its index page and its PDF",
    shownDefault: `\`${ROILAB_SITE.title}\``,
  },
} as const satisfies Record<string, OptionSpec>;

const PREVIEW = {
  port: {
    type: "string",
    value: "N",
    default: "4200",
    description: "the port to serve on, on `127.0.0.1` only (never on the network), 1 to 65535; `0` takes any free port",
  },
  open: { type: "boolean", default: false, description: "open the report in the desktop's browser" },
  out: {
    type: "string",
    value: "DIR",
    description: "where pages are published",
    shownDefault:
      "a folder for this project folder in the system's temp folder, kept between previews so the next one starts from the cache",
  },
  ...RUNNER,
  ...PUBLISHER,
} as const satisfies Record<string, OptionSpec>;

/** What tables and decide share: the data, the workload they price and the currency they show. */
const PRICING = {
  data: DATA,
  workload: { type: "string", value: "ID", description: "the workload to price, a row of `workloads.csv`", shownDefault: "its first row" },
  currency: {
    type: "string",
    value: "CODE",
    description: "show money in USD or in a currency of `exchange_rates.csv`, e.g. `CNY`",
    shownDefault: "the data folder's `currency` in its `parameters.json`, else USD",
  },
  lang: TERMINAL_LANG,
} as const satisfies Record<string, OptionSpec>;

/** Every command: how it is called and its options, in the order help and the README list them. */
export const COMMAND_SPECS = {
  run: {
    forms: [
      {
        arguments: "[NOTEBOOK|FOLDER...]",
        summary: "executes notebooks on the tslab kernel and writes the executed copies (default: every notebook in `notebooks/`)",
        details: "See [How `run` works](#how-run-works).",
      },
    ],
    options: RUN,
  },
  report: {
    forms: [
      {
        arguments: "[NOTEBOOK|FOLDER...]",
        summary: "runs the notebooks (as `run`, with its flags and cache) and publishes them as HTML in `--out`, with an index",
        details:
          "`--editions` publishes every edition of the data folder at once, linked both ways (see [Editions of the data](#editions-of-the-data)); `--pdf` also prints the report to one `report.pdf` there: the whole report, or only the pages of the notebooks named.",
      },
    ],
    options: REPORT,
  },
  preview: {
    forms: [
      {
        arguments: "[NOTEBOOK|FOLDER...]",
        summary:
          "serves the report live: publishes the notebooks as `report` does, then re-runs only the notebooks a saved change concerns and reloads the open pages",
        details:
          "It serves the pages on `http://127.0.0.1:4200/` and watches each notebook, every data folder it reads and the compiled library; it runs until it is stopped. See [Live preview](#live-preview).",
      },
    ],
    options: PREVIEW,
  },
  tables: {
    forms: [{ summary: "prints the chapter's key tables computed from the data folder, for one workload in one currency" }],
    options: PRICING,
  },
  decide: {
    forms: [
      {
        summary:
          "prices every way to serve one workload (call, rent, buy) and the volume from which each costs no more than the API it runs on today",
        details:
          "Each API, each bought configuration with a measured throughput, each rental always on and by the hour, on the workload's own calendar: its month and its average call, the servers it runs, where it processes data, and its break-even against today's API (`current_model_id`, or `--current`); hybrids that keep the share of calls the router would send local at the workload's own context on a server and the rest on today's API; quality like for like (an option replaces today's only where it scores at least as well on every benchmark scoring both). See [Your own workload](#your-own-workload).",
      },
    ],
    options: {
      ...PRICING,
      current: {
        type: "string",
        value: "MODEL_ID",
        description: "the API the workload runs on today",
        shownDefault: "the workload's `current_model_id`",
      },
      "case-study": {
        type: "string",
        value: "ID",
        description: "decide the scenario of `case_study.csv` instead, under its residency rule",
        details:
          "Its month of calls, its cloud tier's model as today's API and its sensitive tasks as the hybrid's local share; leave out `--workload` and `--current`.",
      },
      utilisation: {
        type: "string",
        value: "SHARE",
        description: "plan servers at this share of their measured throughput, above 0 and at most 1",
        shownDefault: `\`${DEFAULT_TARGET_UTILISATION}\``,
      },
      json: { type: "boolean", default: false, description: "print the decision as JSON, for scripts" },
    },
  },
  audit: {
    forms: [
      {
        summary: "lists every figure the chapter prints beside the value its formulas give, and flags those that differ",
        details:
          "It compares with the value from the data and from the inputs the chapter itself states, where it states them, with the absolute and relative difference; flags those neither gives within the printed rounding and explains each from `published_figures.csv`; then lists what the data shows when its rows are set side by side (findings), and ranks every flag and finding by the money per month it moves. See [The chapter's figures, checked](#the-chapters-figures-checked).",
      },
    ],
    options: {
      data: DATA,
      strict: { type: "boolean", default: false, description: "exit 1 when any printed figure or finding is flagged" },
    },
  },
  diff: {
    forms: [
      {
        arguments: "OLD_DIR NEW_DIR",
        summary:
          "shows what changed between two data folders (models and hardware added, removed, re-priced) and how each headline result moved",
        details: "The headlines: monthly cost per model, break-even per hardware × API, hybrid savings, the case-study decision.",
      },
    ],
    options: { html: { type: "string", value: "FILE", description: "also write the comparison as an HTML page, with a figure" } },
  },
  prices: {
    forms: [
      {
        arguments: "update",
        summary:
          "refreshes `models.csv` from the bundled price database `@pydantic/genai-prices`, offline, for each model with a `price_ref`",
        details:
          "It sets input, output, cache-read and cache-write prices (the one-hour cache's too), long-context tiers, the prices of any daily window in UTC (`time_of_day_prices.csv`, DeepSeek's daytime hours) and the context window, a new `as_of` and a `source` naming the database's version; lists the models it does not know (exit 0, `--strict` exit 1); prints how the results moved. See [Keeping the numbers current](#keeping-the-numbers-current).",
      },
      {
        arguments: "import FILE.json",
        summary: "updates `models.csv` from a LiteLLM-style `model_prices_and_context_window.json`, for each model with a `price_map_key`",
        details:
          "It sets input, output, cached-input and batch prices (per token → per million) and `max_input_tokens`, a new `as_of` and `source`; prints how the results moved. Unknown keys, missing fields and non-numeric prices are reported (exit 2) and nothing is written.",
      },
    ],
    options: {
      data: DATA,
      "as-of": {
        type: "string",
        value: "DATE",
        description: "the date the prices are for, as YYYY-MM-DD: their new `as_of`",
        shownDefault: "today",
      },
      "dry-run": { type: "boolean", default: false, description: "for `update` only: show what would change and write nothing" },
      strict: {
        type: "boolean",
        default: false,
        description: "for `update` only: exit 1 and write nothing when the database lacks a model",
      },
    },
  },
  validate: {
    forms: [{ summary: "checks every CSV of the data folder and reports each problem as `file:line:column`" }],
    options: { data: DATA },
  },
  "kernel-install": {
    forms: [{ summary: "registers this project's tslab kernel with Jupyter and VS Code (`npm run kernel:install`)" }],
    options: {
      prefix: {
        type: "string",
        value: "DIR",
        description: "install under `DIR/share/jupyter/kernels`",
        shownDefault: "your Jupyter data folder",
      },
    },
  },
  workload: {
    forms: [
      {
        arguments: "import FILE...",
        summary:
          "writes a workload into the data folder from an agent's usage logs: its `workloads.csv` row, weekday and weekend traffic profiles by local hour and token percentiles",
        details:
          "It reads OpenTelemetry GenAI spans (OTLP/JSON) or provider responses (OpenAI, Anthropic, Gemini) as JSON lines, and prints what it read, the calls by model and their list price two ways. See [A workload from your agent's logs](#a-workload-from-your-agents-logs).",
      },
    ],
    options: {
      data: DATA,
      id: { type: "string", value: "NAME", description: "the workload's id in `workloads.csv`; required" },
      "time-zone": { type: "string", value: "ZONE", default: "UTC", description: "the IANA time zone whose dates and hours count" },
      replace: { type: "boolean", default: false, description: "replace the rows of an id the folder already has" },
    },
  },
} as const satisfies Record<string, { forms: readonly CommandForm[]; options: Record<string, OptionSpec> }>;

/** An option table as the parser takes it: only `type`, `short`, `multiple` and `default` of each option. */
export type ParserOptions<T extends Record<string, OptionSpec>> = {
  [K in keyof T]: { [P in keyof T[K] as P extends "type" | "short" | "multiple" | "default" ? P : never]: T[K][P] };
};

function parserOptions<T extends Record<string, OptionSpec>>(options: T): ParserOptions<T> {
  return Object.fromEntries(
    Object.entries(options).map(([name, { type, short, multiple, default: value }]) => [
      name,
      {
        type,
        ...(short === undefined ? {} : { short }),
        ...(multiple === undefined ? {} : { multiple }),
        ...(value === undefined ? {} : { default: value }),
      },
    ]),
  ) as ParserOptions<T>;
}

type CommandSpecs = typeof COMMAND_SPECS;

/** The options of every command, by command name, as the parser takes them. */
export const COMMAND_OPTIONS = Object.fromEntries(
  Object.entries(COMMAND_SPECS).map(([command, spec]) => [command, parserOptions(spec.options)]),
) as {
  [C in keyof CommandSpecs]: ParserOptions<CommandSpecs[C]["options"]>;
};

export const GLOBAL_PARSER_OPTIONS = parserOptions(GLOBAL_OPTIONS);

export type Command = keyof typeof COMMAND_OPTIONS;

export const COMMANDS = Object.keys(COMMAND_OPTIONS) as Command[];

export function isCommand(name: string | undefined): name is Command {
  return name !== undefined && Object.hasOwn(COMMAND_OPTIONS, name);
}

/** A flag's value as a positive number (whole where `integer`), at most `largest`, or a usage error naming the flag. */
export function positiveNumber(flag: string, text: string, integer: boolean, largest = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)) || value > largest) {
    throw new UsageError(
      `${flag} must be a positive ${integer ? "whole number" : "number"}${largest < Number.MAX_SAFE_INTEGER ? ` of at most ${largest}` : ""}, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/** `--port`: 0 (any free port) or a TCP port, 1 to 65535. */
export function portFlag(text: string): number {
  return text === "0" ? 0 : positiveNumber("--port", text, true, 65535);
}

/** A flag's value as a calendar date YYYY-MM-DD (see calendar-date.ts), or a usage error naming the flag. */
export function isoDateFlag(flag: string, text: string): string {
  if (!isCalendarDate(text))
    throw new UsageError(`${flag} must be a date as YYYY-MM-DD, a day the calendar has from ${FIRST_YEAR} on, got ${JSON.stringify(text)}`);
  return text;
}

/** Refuses positional arguments for a command that takes none. */
/** `--currency CNY`: an ISO 4217 code; whether the data has a rate for it, the notebooks say. */
export function currencyFlag(text: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code))
    throw new UsageError(`--currency must be a three-letter currency code such as USD or CNY, got ${JSON.stringify(text)}`);
  return code;
}

export function noPositionals(command: string, positionals: readonly string[]): void {
  if (positionals.length > 0) throw new UsageError(`${command} takes no arguments, got ${JSON.stringify(positionals[0])}`);
}
