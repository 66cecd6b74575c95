/**
 * The CSV a page's downloads write, opened by readers in a spreadsheet. A cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is read there as a formula (a model named `=HYPERLINK(...)` would be a live
 * link), so such a cell gets a leading `'`, which spreadsheets take as "text" and do not show; a plain number
 * (`-1395.5`) stays a number.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The text a spreadsheet shows for `value`, never a formula. */
export function spreadsheetText(value: unknown): string {
  const text = value === undefined || value === null ? "" : String(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function csvField(value: unknown): string {
  const text = spreadsheetText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV with CRLF line ends, as spreadsheets write it. */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return `${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
