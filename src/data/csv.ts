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

/** Where byte `offset` of a file falls: its 1-based line, and its field as the count of commas before it on that line, plus one. */
function locateByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line += 1;
      column = 1;
    } else if (bytes[index] === 0x2c) {
      column += 1;
    }
  }
  return { line, column };
}

/** The length of the longest prefix of `bytes` that is valid UTF-8 (a cut inside a character counts as invalid). */
function validUtf8Length(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let valid = 0;
  let invalid = bytes.length;
  while (invalid - valid > 1) {
    const middle = Math.floor((valid + invalid) / 2);
    try {
      decoder.decode(bytes.subarray(0, middle));
      valid = middle;
    } catch {
      invalid = middle;
    }
  }
  return valid;
}

/**
 * Decodes a data file as UTF-8, the only encoding roilab reads. UTF-16 (a spreadsheet's "Unicode text") and
 * Latin-1 or Windows-1252 text are bad input, named with the line and field where it first shows.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) throw new DataError([{ file, line: 1, column: 1, message: "the file is UTF-16, not UTF-8; save it as CSV UTF-8" }]);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = validUtf8Length(bytes);
    const hex = (bytes[offset] ?? 0).toString(16).padStart(2, "0");
    throw new DataError([
      {
        file,
        ...locateByte(bytes, offset),
        message: `the file is not UTF-8 (byte 0x${hex} is not valid there; Latin-1 or Windows-1252 text?); save it as CSV UTF-8`,
      },
    ]);
  }
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
