import { parse } from "csv-parse/sync";
import { DataError } from "../errors";

/** One CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  column?: number;
}

/** Newlines inside quoted fields, so a record's start line can be told from the line it ends on. */
function countLineBreaks(fields: readonly string[]): number {
  let breaks = 0;
  for (const field of fields) breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  return breaks;
}

/**
 * Parses CSV text (UTF-8 BOM, CRLF and quoted fields with commas or newlines accepted).
 * Blank lines are skipped. Syntax errors become a DataError located in `file`.
 */
export function parseCsv(text: string, file: string): CsvTable {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each row comes as { record, info }; the typings only know plain records.
    rows = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof rows;
  } catch (error) {
    const csvError = error as CsvParseError;
    const message = csvError.message.replace(/^[A-Za-z ]+: /, "");
    throw new DataError([{ file, line: csvError.lines ?? 1, column: csvError.column ?? 1, message: `CSV syntax error: ${message}` }]);
  }
  const [head, ...body] = rows;
  if (!head) throw new DataError([{ file, line: 1, column: 1, message: "the file is empty; expected a header row" }]);
  return {
    header: head.record.map((name) => name.trim()),
    records: body.map(({ record, info }) => ({ line: info.lines - countLineBreaks(record), fields: record })),
  };
}
