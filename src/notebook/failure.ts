/**
 * tslab reports a failed cell only as stderr text: type errors as `line:col - message` lines relative to
 * the cell, runtime errors as Node's uncaught-error text with positions in tslab's compiled code. This
 * module turns that text into a located failure and a Jupyter `error` output.
 */
import type { ErrorOutput } from "./nbformat";

export interface CellFailure {
  /** 1-based position of the cell among all cells of the notebook, as Jupyter shows them. */
  cellNumber: number;
  /** 1-based line and column within the cell, where they could be found. */
  line: number | undefined;
  column: number | undefined;
  ename: string;
  evalue: string;
  /** The full text tslab printed. */
  detail: string;
}

const DIAGNOSTIC = /^(\d+):(\d+) - (.*)$/;
const COMPILED_FRAME = /evalmachine\.<anonymous>:(\d+)(?::(\d+))?/;

/** Undoes what tslab's compiler does to a line, so it can be found in the cell: `(0, __1.f)(x)` → `f(x)`, `exports.tsLastExpr = e` → `e`. */
function uncompile(line: string): string {
  return line
    .replace(/^(\s*)exports\.tsLastExpr = /, "$1")
    .replace(/\(0, __\w+\.([\w$]+)\)/g, "$1")
    .replace(/\b__\w+\.([\w$]+)/g, "$1")
    .replace(/\bexports\.([\w$]+)/g, "$1")
    .trim();
}

/** Matches `name` as a whole word. */
function wordPattern(name: string, suffix = "\\b"): RegExp {
  return new RegExp(`\\b${name.replace(/\$/g, "\\$")}${suffix}`);
}

/** The identifier the caret points at in a compiled line, if any. */
function identifierAt(line: string, index: number): string | undefined {
  for (const match of line.matchAll(/[A-Za-z_$][\w$]*/g)) {
    if (match.index <= index && index < match.index + match[0].length) return match[0];
  }
  return undefined;
}

/** Where in the cell a runtime error happened: the code line Node quotes, or the call into the function that threw. */
function locateRuntimeError(text: string, sourceLines: readonly string[]): { line?: number; column?: number } {
  const lines = text.split("\n");
  // Node's header: "<file>:<line>", the code line, then a caret under the column.
  const compiled = lines[1] ?? "";
  const caret = (lines[2] ?? "").indexOf("^");
  if (COMPILED_FRAME.test(lines[0] ?? "") && caret >= 0) {
    const wanted = uncompile(compiled);
    const index = sourceLines.findIndex((line) => line.trim() === wanted);
    const identifier = identifierAt(compiled, caret);
    const line =
      index >= 0 ? index : sourceLines.findIndex((candidate) => identifier !== undefined && wordPattern(identifier).test(candidate));
    if (line >= 0) {
      const sourceLine = sourceLines[line] as string;
      const at = identifier === undefined ? -1 : sourceLine.search(wordPattern(identifier));
      return { line: line + 1, column: (at >= 0 ? at : sourceLine.length - sourceLine.trimStart().length) + 1 };
    }
  }
  // Thrown inside a library: the frame before the first cell frame names the function the cell called.
  const frames = lines.filter((line) => line.trimStart().startsWith("at "));
  const cellFrame = frames.findIndex((frame) => COMPILED_FRAME.test(frame));
  const callee = cellFrame > 0 ? /at (?:new )?(?:[\w$]+\.)*([\w$]+) \(/.exec(frames[cellFrame - 1] ?? "")?.[1] : undefined;
  if (callee) {
    const compiledLine = Number(COMPILED_FRAME.exec(frames[cellFrame] ?? "")?.[1] ?? Infinity);
    const calls = sourceLines.flatMap((line, index) => {
      const column = line.search(wordPattern(callee, "\\s*\\("));
      return column >= 0 ? [{ line: index + 1, column: column + 1 }] : [];
    });
    // Compiled code only adds lines, so the call is the last one at or before the compiled line.
    const call = calls.filter((candidate) => candidate.line <= compiledLine).at(-1) ?? calls[0];
    if (call) return call;
  }
  return {};
}

/** Builds the failure of cell `cellNumber` from what tslab wrote to stderr while running it. */
export function parseCellFailure(stderrText: string, cellSourceText: string, cellNumber: number): CellFailure {
  const text = stderrText.trim();
  const sourceLines = cellSourceText.split("\n");
  const diagnostics = text.split("\n").filter((line) => DIAGNOSTIC.test(line));
  if (diagnostics.length > 0) {
    const [, line, column, message] = DIAGNOSTIC.exec(diagnostics[0] as string) as unknown as [string, string, string, string];
    return { cellNumber, line: Number(line), column: Number(column), ename: "TypeScriptError", evalue: message, detail: text };
  }
  const errorLine = text
    .split("\n")
    .find((line) => /^[A-Za-z_$][\w$.]*(?:Error|Exception)?: /.test(line) || /^[A-Za-z_$][\w$]*Error$/.test(line));
  const separator = errorLine?.indexOf(": ") ?? -1;
  const ename = errorLine ? (separator > 0 ? errorLine.slice(0, separator) : errorLine) : "Error";
  const evalue = errorLine && separator > 0 ? errorLine.slice(separator + 2) : (text.split("\n")[0] ?? "the cell failed");
  return { cellNumber, ...{ line: undefined, column: undefined }, ...locateRuntimeError(text, sourceLines), ename, evalue, detail: text };
}

/** `notebooks/x.ipynb, cell 3, 2:5 - message`, then the offending source line and a caret under the column. */
export function formatCellFailure(notebook: string, failure: CellFailure, cellSourceText: string): string {
  const where = failure.line === undefined ? "" : `, ${failure.line}:${failure.column ?? 1}`;
  const head = `${notebook}, cell ${failure.cellNumber}${where} - ${failure.ename === "TypeScriptError" ? "" : `${failure.ename}: `}${failure.evalue}`;
  if (failure.line === undefined) return head;
  const sourceLine = cellSourceText.split("\n")[failure.line - 1] ?? "";
  return `${head}\n    ${sourceLine}\n    ${" ".repeat(Math.max(0, (failure.column ?? 1) - 1))}^`;
}

export function failureOutput(failure: CellFailure): ErrorOutput {
  return { output_type: "error", ename: failure.ename, evalue: failure.evalue, traceback: failure.detail.split("\n") };
}
