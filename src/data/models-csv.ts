/**
 * Rewriting `models.csv` in place for the price commands: the CSV text itself is rewritten rather than typed
 * rows re-serialised, so every untouched cell keeps its exact text, the file keeps its byte-order mark and
 * line ends, and the result is checked as a whole before it may replace the old file.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { DataError } from "../errors";
import { displayPath } from "../util/display-path";
import { decodeUtf8 } from "./csv";
import * as schemas from "./schemas";
import { parseTable } from "./table";

export interface ModelsCsvRow {
  /** The row's cells by column name, as text. */
  cells: Record<string, string>;
  /** 1-based line the row starts on, for messages. */
  line: number;
}

export interface ModelsCsv {
  file: string;
  header: string[];
  rows: ModelsCsvRow[];
  /** Each row's cells by model_id (the first row of an id), so that an update looks a row up once, not by a scan per model. */
  cellsByModelId: ReadonlyMap<string, Record<string, string>>;
  bom: boolean;
  windowsLineEnds: boolean;
}

export function readModelsCsv(dataDir: string): ModelsCsv {
  const file = path.join(dataDir, "models.csv");
  const bytes = readFileSync(file);
  const original = decodeUtf8(bytes, displayPath(file));
  const records = parse(original, { bom: true, columns: true, skip_empty_lines: true, info: true }) as Array<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  const firstLine = parse(original, { bom: true, to_line: 1 }) as string[][];
  const rows = records.map(({ record, info }) => ({ cells: record, line: info.lines }));
  const cellsByModelId = new Map<string, Record<string, string>>();
  for (const { cells } of rows) if (!cellsByModelId.has(cells.model_id ?? "")) cellsByModelId.set(cells.model_id ?? "", cells);
  return {
    file,
    header: firstLine[0] ?? [],
    rows,
    cellsByModelId,
    bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
    windowsLineEnds: original.includes("\r\n"),
  };
}

/**
 * The new text of models.csv with `edits` (model_id → cells to set) applied and any missing `columns` added at
 * the end. A result that would not validate is a DataError saying nothing was written.
 */
export function editedModelsCsv(
  csv: ModelsCsv,
  edits: ReadonlyMap<string, Record<string, string>>,
  columns: readonly string[],
  after: string,
): string {
  const header = withColumns(csv.header, columns);
  const rows = csv.rows.map(({ cells }) => ({ ...cells, ...edits.get(cells.model_id ?? "") }));
  const text = stringify(rows, { header: true, columns: header, bom: csv.bom, record_delimiter: csv.windowsLineEnds ? "windows" : "unix" });
  const check = parseTable(schemas.models, text, displayPath(csv.file));
  if (check.issues.length)
    throw new DataError(check.issues.map((issue) => ({ ...issue, message: `${issue.message} (${after}; nothing was written)` })));
  return text;
}

/** The header with each missing column added where the schema places it: after the nearest earlier schema column present. */
function withColumns(header: readonly string[], columns: readonly string[]): string[] {
  const order = Object.keys(schemas.models.columns);
  const result = [...header];
  for (const column of columns) {
    if (result.includes(column)) continue;
    const earlier = order
      .slice(0, order.indexOf(column))
      .reverse()
      .find((name) => result.includes(name));
    result.splice(earlier === undefined ? 0 : result.indexOf(earlier) + 1, 0, column);
  }
  return result;
}

/**
 * A price as CSV text: the old text where it already says this number (so "2.50" stays "2.50"), else the
 * shortest form without binary noise; `old` where there is no new value.
 */
export function priceCell(value: number | undefined, old: string | undefined): string {
  if (value === undefined) return old ?? "";
  if (old !== undefined && old.trim() !== "" && Number(old) === value) return old;
  return String(Number(value.toPrecision(12)));
}
