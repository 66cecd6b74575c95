/**
 * Streams usage logs line by line (never a whole file in memory) and hands each model call to the caller, the
 * format told per line: an object with `resourceSpans` is an OTLP/JSON export request, any other object a
 * provider response. A line that is neither is a problem located as `file:line`; the first few are collected
 * and thrown together, before the caller has written anything.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { DataError, UsageError, type DataIssue } from "../../errors";
import { displayPath } from "../../util/display-path";
import { callsFromOtlpRequest } from "./otlp";
import { callFromProviderLine } from "./provider-json";
import { LineProblem, type UsageCall } from "./usage-call";

export interface UsageLogStats {
  /** Non-blank lines read. */
  lines: number;
  /** Model calls handed on. */
  calls: number;
  /** OTLP spans without gen_ai token usage. */
  spansWithoutUsage: number;
  /** OTLP spans with usage of an operation that is not a model call (an agent's, a tool's). */
  spansOfOtherOperations: number;
}

/** Reading stops after this many problems: enough to see a pattern, bounded however broken the file is. */
const MAX_PROBLEMS = 10;

/** Refuses, before anything is read, a file that is missing, a folder, or compressed. */
function checkReadable(file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file}: no such file`);
  const head = Buffer.alloc(2);
  const descriptor = openSync(file, "r");
  try {
    readSync(descriptor, head, 0, 2, 0);
  } finally {
    closeSync(descriptor);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) throw new UsageError(`${file}: the file is gzip-compressed; decompress it first (gunzip)`);
}

/** The column a JSON syntax error points at, where V8 says its position. */
function syntaxColumn(message: string): number {
  const position = /at position (\d+)/.exec(message);
  return position ? Number(position[1]) + 1 : 1;
}

/** Reads every file in turn, calling `onCall` for each model call; throws a DataError listing malformed lines. */
export async function readUsageLogs(files: readonly string[], onCall: (call: UsageCall) => void): Promise<UsageLogStats> {
  for (const file of files) checkReadable(file);
  const stats: UsageLogStats = { lines: 0, calls: 0, spansWithoutUsage: 0, spansOfOtherOperations: 0 };
  const problems: DataIssue[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    const stream = createReadStream(file, { encoding: "utf8" });
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let lineNumber = 0;
    try {
      for await (const raw of lines) {
        lineNumber += 1;
        const text = lineNumber === 1 ? raw.replace(/^\uFEFF/, "") : raw;
        if (text.trim() === "") continue;
        stats.lines += 1;
        const problem = (message: string, column = 1) => problems.push({ file: shown, line: lineNumber, column, message });
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (error) {
          problem(`not JSON: ${(error as Error).message}`, syntaxColumn((error as Error).message));
        }
        if (parsed !== undefined) {
          try {
            if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
              throw new LineProblem(
                `expected a JSON object (an OTLP export request or a provider response), got ${Array.isArray(parsed) ? "a list" : JSON.stringify(parsed)}`,
              );
            const line = parsed as Record<string, unknown>;
            if ("resourceSpans" in line) {
              const otlp = callsFromOtlpRequest(line);
              stats.spansWithoutUsage += otlp.spansWithoutUsage;
              stats.spansOfOtherOperations += otlp.spansOfOtherOperations;
              for (const call of otlp.calls) {
                stats.calls += 1;
                onCall(call);
              }
            } else {
              const call = callFromProviderLine(line);
              stats.calls += 1;
              onCall(call);
            }
          } catch (error) {
            if (!(error instanceof LineProblem)) throw error;
            problem(error.message);
          }
        }
        if (problems.length >= MAX_PROBLEMS) break;
      }
    } finally {
      lines.close();
      stream.destroy();
    }
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length) {
    const more = problems.length >= MAX_PROBLEMS ? ` (reading stopped after ${MAX_PROBLEMS} problems)` : "";
    throw new DataError(
      problems.map((issue, index) => ({
        ...issue,
        message: index === problems.length - 1 ? `${issue.message}${more}; nothing was written` : issue.message,
      })),
    );
  }
  return stats;
}
