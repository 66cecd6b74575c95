/** A table as a page shows it, in the page's language, and money in its cells. */
import type { TableColumn } from "../display/html-table";
import { displayCurrencyCode, formatUsd } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

/** A column as a page shows it: its header always given, in the page's language. */
export type PageColumn = TableColumn & { label: string };

/** A table as a page shows it: its rows, its columns with their headers, and its caption. */
export interface PageTable {
  rows: Record<string, unknown>[];
  columns: PageColumn[];
  caption: string;
}

/**
 * Money in a table cell: English keeps the number for the column's format (and the page's CSV download); another
 * language gets it written by its own rule (¥, 万), which the table's formats would write in English.
 */
export function moneyCell(usd: number, digits: number, lang: Lang): number | string;
export function moneyCell(usd: number | undefined, digits: number, lang: Lang): number | string | undefined;
export function moneyCell(usd: number | undefined, digits: number, lang: Lang): number | string | undefined {
  return lang === DEFAULT_LANG || usd === undefined ? usd : formatUsd(usd, digits, lang);
}

/** A column header written in dollars, with the display currency's code in another language ("运维 CNY/月"). */
export const moneyHeader = (label: string, lang: Lang): string =>
  lang === DEFAULT_LANG ? label : label.replace(/\bUSD\b/g, displayCurrencyCode());
