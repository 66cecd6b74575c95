/** The reader's currency: roilab computes in USD and shows money at a dated, sourced rate from exchange_rates.csv. */
import type { Dataset } from "../data";
import { InputError } from "../errors";
import { USD, type DisplayCurrency } from "../model";

export interface DatedCurrency extends DisplayCurrency {
  /** The rate's date and source; undefined for USD, which needs no rate. */
  asOf: string | undefined;
  source: string | undefined;
}

/** `code` with its rate from the data folder; USD needs none. An unknown code lists those the folder has. */
export function displayCurrency(data: Dataset, code = "USD"): DatedCurrency {
  const wanted = code.trim().toUpperCase();
  if (wanted === "USD") return { ...USD, asOf: undefined, source: undefined };
  const row = data.exchangeRates.find((candidate) => candidate.currency === wanted);
  if (!row) {
    const known = ["USD", ...data.exchangeRates.map((candidate) => candidate.currency)];
    throw new InputError(`no exchange rate for ${JSON.stringify(code)} in exchange_rates.csv; known: ${known.join(", ")}`);
  }
  return { code: row.currency, perUsd: row.perUsd, asOf: row.asOf, source: row.source };
}

/** The line a page or table prints under money shown at a rate: which rate, of when, from where. */
export function currencyNote(currency: DatedCurrency): string | undefined {
  if (currency.asOf === undefined) return undefined;
  return `Money in ${currency.code} at ${currency.perUsd} ${currency.code} per USD as of ${currency.asOf} (exchange_rates.csv: ${currency.source})`;
}
