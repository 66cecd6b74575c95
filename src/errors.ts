/**
 * roilab's error types. Each carries the process exit code the CLI maps it to,
 * so a caller can act on an error without parsing its message.
 */

/** Exit codes shared by every roilab command. */
export const ExitCode = {
  ok: 0,
  /** A notebook or a strict check failed. */
  failed: 1,
  /** Bad input: malformed data, an unknown flag or parameter. */
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

/** Wrong command-line usage: unknown command, flag or parameter. */
export class UsageError extends RoilabError {
  override name = "UsageError";
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
