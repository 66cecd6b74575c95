/** HTML tables for notebook display: formatted numbers right-aligned, text escaped. */
import { formatInteger, formatPercent, formatUsd } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { escapeHtml } from "../util/html";
import { TABLE_CLASS } from "../util/table-markup";

/** `decimal1`: one decimal place, for rates such as tokens per second. */
export type ColumnFormat = "text" | "usd" | "usd0" | "usdPerCall" | "integer" | "decimal1" | "percent" | "stars" | "number";

export interface TableColumn {
  /** Key in the row (a DataFrame column name). */
  key: string;
  /** Header text; default: the key. */
  label?: string;
  format?: ColumnFormat;
}

/** A danfojs DataFrame or anything with the same two properties. */
export interface FrameLike {
  columns: string[];
  values: unknown[][] | unknown[];
}

/** A cell's text; money in `lang`'s way (`¥12.35万` in Chinese), numbers alike in both. */
export function formatCell(value: unknown, format: ColumnFormat, lang: Lang = DEFAULT_LANG): string {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "";
  if (typeof value !== "number") return String(value);
  switch (format) {
    case "usd":
      return formatUsd(value, 2, lang);
    case "usd0":
      return formatUsd(value, 0, lang);
    case "usdPerCall":
      return formatUsd(value, 5, lang);
    case "integer":
      return formatInteger(value);
    case "decimal1":
      return value.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    case "percent":
      return formatPercent(value);
    case "stars":
      return "★".repeat(Math.round(value)) + "☆".repeat(Math.max(0, 5 - Math.round(value)));
    case "number":
      return value.toLocaleString("en-US", { maximumFractionDigits: 4 });
    default:
      return String(value);
  }
}

function rowsOf(frame: FrameLike): Record<string, unknown>[] {
  const values = (frame.values.length > 0 && !Array.isArray(frame.values[0]) ? [frame.values] : frame.values) as unknown[][];
  return values.map((row) => Object.fromEntries(frame.columns.map((column, index) => [column, row[index]])));
}

/** A number's full value beside its formatted text, so a page's CSV download carries $1,395.00 as 1395. */
function rawValue(value: unknown): string {
  // Twelve significant digits: a download carries 0.58, not 0.5800000000000001, the float noise of a sum.
  return typeof value === "number" && Number.isFinite(value) ? ` data-value="${Number(value.toPrecision(12))}"` : "";
}

/**
 * Renders rows (or a DataFrame) as an HTML table; numeric formats are right-aligned with tabular figures. Each cell
 * carries its column's label, so a phone can show a row as a card of labelled values.
 */
export function htmlTable(
  source: FrameLike | readonly Record<string, unknown>[],
  columns: readonly TableColumn[],
  caption?: string,
  lang: Lang = DEFAULT_LANG,
): string {
  const rows = Array.isArray(source) ? (source as Record<string, unknown>[]) : rowsOf(source as FrameLike);
  const numeric = (column: TableColumn) => column.format !== undefined && column.format !== "text" && column.format !== "stars";
  const style = (column: TableColumn) =>
    numeric(column) ? ' style="text-align:right;font-variant-numeric:tabular-nums"' : ' style="text-align:left"';
  const head = columns.map((column) => `<th${style(column)}>${escapeHtml(column.label ?? column.key)}</th>`).join("");
  const body = rows
    .map(
      (row) =>
        `<tr>${columns.map((column) => `<td${style(column)}${rawValue(row[column.key])} data-label="${escapeHtml(column.label ?? column.key)}">${escapeHtml(formatCell(row[column.key], column.format ?? "text", lang))}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `<table class="${TABLE_CLASS}">${caption ? `<caption>${escapeHtml(caption)}</caption>` : ""}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}
