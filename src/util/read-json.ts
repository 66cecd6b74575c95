/** Reading a JSON file the user named: a file that cannot be read or parsed is bad input, located by line and column. */
import { readFileSync } from "node:fs";
import { UsageError } from "../errors";

/** Whether a prefix of a JSON text is still fine so far: it parses, or only ends too soon. */
function fineSoFar(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message)?.[1];
    return at === undefined ? /end of JSON input/.test(message) : Number(at) >= prefix.length;
  }
}

/**
 * The character offset of a JSON syntax error. V8 names it ("at position 17") for some errors only, so
 * otherwise it is found as the shortest prefix that fails for a reason other than ending too soon.
 */
function errorOffset(text: string, message: string): number {
  const stated = /position (\d+)/.exec(message)?.[1];
  if (stated !== undefined) return Number(stated);
  let fine = 0;
  let failing = text.length;
  while (failing - fine > 1) {
    const middle = Math.floor((fine + failing) / 2);
    if (fineSoFar(text.slice(0, middle))) fine = middle;
    else failing = middle;
  }
  return failing - 1;
}

/** Where a JSON.parse error falls, as 1-based line and column. */
function position(text: string, message: string): { line: number; column: number } {
  const offset = errorOffset(text, message);
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}

/** Parses `file` as JSON; `what` names it in messages ("notebook", "parameters file", "price map"). */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`${file}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const { line, column } = position(text, (error as Error).message);
    throw new UsageError(`${file}:${line}:${column} - the ${what} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Parses `file` as a JSON object; anything else (an array, a number, null) is bad input. */
export function readJsonObject(file: string, what: string): Record<string, unknown> {
  const value = readJsonFile(file, what);
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new UsageError(`${file}: the ${what} must be a JSON object`);
  return value as Record<string, unknown>;
}
