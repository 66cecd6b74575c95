/**
 * roilab's error types, in one module every layer may import (it imports nothing and does no I/O, so the
 * pure model and the browser bundle can use it too). Each error carries the process exit code the CLI maps
 * it to, so a caller can act on an error without parsing its message.
 */

/** Exit codes shared by every roilab command. */
export const ExitCode = {
  ok: 0,
  /** A notebook or a strict check failed. */
  failed: 1,
  /** Bad input: malformed data, an unknown flag, parameter or id, a value out of its range. */
  badInput: 2,
} as const;

export class RoilabError extends Error {
  override name = "RoilabError";
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failed,
  ) {
    super(message);
  }
}

/** Wrong command-line usage: unknown command, flag or parameter, an unreadable file named on the command line. */
export class UsageError extends RoilabError {
  override name = "UsageError";
  constructor(message: string) {
    super(message, ExitCode.badInput);
  }
}

/**
 * An input the analysis cannot use: an id the data does not have, or a value outside its range. The message
 * names the input. Thrown by the model and the analyses; inside a notebook it fails the cell, and a run whose
 * failures are all of this kind exits 2 like any other bad input.
 */
export class InputError extends RoilabError {
  override name = "InputError";
  constructor(message: string) {
    super(message, ExitCode.badInput);
  }
}

/** One problem found in a data file, located by 1-based line and column (field number). */
export interface DataIssue {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatDataIssue(issue: DataIssue): string {
  return `${issue.file}:${issue.line}:${issue.column} - ${issue.message}`;
}

/** Every problem found in one or more data files, reported together. */
export class DataError extends RoilabError {
  override name = "DataError";
  constructor(readonly issues: readonly DataIssue[]) {
    super(issues.map(formatDataIssue).join("\n"), ExitCode.badInput);
  }
}

/** A kernel process ended while the runner still needed it. */
export class KernelDiedError extends RoilabError {
  override name = "KernelDiedError";
  constructor(
    readonly processExitCode: number | null,
    readonly signal: NodeJS.Signals | null,
  ) {
    super(`the kernel died (${signal ? `signal ${signal}` : `exit code ${processExitCode}`})`);
  }
}

/** A cell ran past its time limit; the kernel is left running for the caller to interrupt or stop. */
export class ExecuteTimeoutError extends RoilabError {
  override name = "ExecuteTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs / 1000} s`);
  }
}

/** A cell printed more than the runner keeps; the kernel is left running for the caller to interrupt or stop. */
export class OutputLimitError extends RoilabError {
  override name = "OutputLimitError";
  constructor(readonly maxBytes: number) {
    super(`printed more than ${maxBytes / 1e6} MB`);
  }
}

/** A kernel that never answered, or a message from it that breaks the Jupyter protocol. */
export class KernelProtocolError extends RoilabError {
  override name = "KernelProtocolError";
}
