/**
 * Each command's own options, so a flag that means nothing to a command is refused instead of ignored
 * (`roilab validate --jobs 3` is a usage error), and each default is stated once.
 */
import type { ParseArgsConfig } from "node:util";
import { UsageError } from "../errors";
import { FIRST_YEAR, isCalendarDate } from "../util/calendar-date";

export type OptionTable = NonNullable<ParseArgsConfig["options"]>;

export const GLOBAL_OPTIONS = {
  debug: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", default: false },
} as const satisfies OptionTable;

const DATA = { data: { type: "string", default: "data" } } as const satisfies OptionTable;

const RUN = {
  out: { type: "string", default: "reports" },
  // No default: notebooks show money in USD unless --currency names another.
  currency: { type: "string" },
  // No default: notebooks read their own dataDir unless --data names another.
  data: { type: "string" },
  param: { type: "string", short: "p", multiple: true, default: [] as string[] },
  params: { type: "string" },
  timeout: { type: "string", default: "300" },
  "max-output-mb": { type: "string", default: "50" },
  jobs: { type: "string" },
  force: { type: "boolean", default: false },
  "allow-errors": { type: "boolean", default: false },
} as const satisfies OptionTable;

/** The options of every command, by command name. */
export const COMMAND_OPTIONS = {
  run: RUN,
  report: { ...RUN, "self-contained": { type: "boolean", default: false }, "no-input": { type: "boolean", default: false }, "trust-html": { type: "boolean", default: false }, "stale-days": { type: "string", default: "90" }, pdf: { type: "boolean", default: false }, editions: { type: "boolean", default: false }, chromium: { type: "string" }, paper: { type: "string" }, title: { type: "string" } },
  preview: {
    out: { type: "string" },
    currency: { type: "string" },
    data: { type: "string" },
    param: { type: "string", short: "p", multiple: true, default: [] as string[] },
    params: { type: "string" },
    timeout: { type: "string", default: "300" },
    "max-output-mb": { type: "string", default: "50" },
    jobs: { type: "string" },
    port: { type: "string", default: "4200" },
    open: { type: "boolean", default: false },
    "no-input": { type: "boolean", default: false },
    "trust-html": { type: "boolean", default: false },
    "stale-days": { type: "string", default: "90" },
  },
  tables: { ...DATA, workload: { type: "string" }, currency: { type: "string", default: "USD" } },
  decide: { ...DATA, workload: { type: "string" }, "case-study": { type: "string" }, current: { type: "string" }, currency: { type: "string", default: "USD" }, utilisation: { type: "string" }, json: { type: "boolean", default: false } },
  audit: { ...DATA, strict: { type: "boolean", default: false } },
  diff: { html: { type: "string" } },
  prices: { ...DATA, "as-of": { type: "string" }, "dry-run": { type: "boolean", default: false }, strict: { type: "boolean", default: false } },
  validate: DATA,
  "kernel-install": { prefix: { type: "string" } },
  workload: { ...DATA, id: { type: "string" }, "time-zone": { type: "string", default: "UTC" }, replace: { type: "boolean", default: false } },
} as const satisfies Record<string, OptionTable>;

export type Command = keyof typeof COMMAND_OPTIONS;

export const COMMANDS = Object.keys(COMMAND_OPTIONS) as Command[];

export function isCommand(name: string | undefined): name is Command {
  return name !== undefined && Object.hasOwn(COMMAND_OPTIONS, name);
}

/** A flag's value as a positive number (whole where `integer`), at most `largest`, or a usage error naming the flag. */
export function positiveNumber(flag: string, text: string, integer: boolean, largest = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)) || value > largest) {
    throw new UsageError(`${flag} must be a positive ${integer ? "whole number" : "number"}${largest < Number.MAX_SAFE_INTEGER ? ` of at most ${largest}` : ""}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** The longest a Node.js timer waits, in seconds: 2^31 - 1 ms. A longer one fires at once, failing every cell. */
export const LONGEST_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** `--port`: 0 (any free port) or a TCP port, 1 to 65535. */
export function portFlag(text: string): number {
  return text === "0" ? 0 : positiveNumber("--port", text, true, 65535);
}

/** A flag's value as a calendar date YYYY-MM-DD (see calendar-date.ts), or a usage error naming the flag. */
export function isoDateFlag(flag: string, text: string): string {
  if (!isCalendarDate(text)) throw new UsageError(`${flag} must be a date as YYYY-MM-DD, a day the calendar has from ${FIRST_YEAR} on, got ${JSON.stringify(text)}`);
  return text;
}

/** Refuses positional arguments for a command that takes none. */
/** `--currency CNY`: an ISO 4217 code; whether the data has a rate for it, the notebooks say. */
export function currencyFlag(text: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new UsageError(`--currency must be a three-letter currency code such as USD or CNY, got ${JSON.stringify(text)}`);
  return code;
}

export function noPositionals(command: string, positionals: readonly string[]): void {
  if (positionals.length > 0) throw new UsageError(`${command} takes no arguments, got ${JSON.stringify(positionals[0])}`);
}
