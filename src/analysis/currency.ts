/** The reader's currency: roilab computes in USD and shows money at a dated, sourced rate from exchange_rates.csv. */
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import type { Dataset } from "../data";
import { InputError } from "../errors";
import { setDisplayCurrency } from "../format";
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

/**
 * The line a page or table prints under money shown at a rate: which rate, of when, from where. A page, whose text
 * shows dollar labels in the display currency, names the file only: a source quoting dollars would be misread.
 */
export function currencyNote(currency: DatedCurrency, withSource = true, lang: Lang = DEFAULT_LANG): string | undefined {
  if (currency.asOf === undefined) return undefined;
  if (lang === "zh-CN")
    return `金额以 ${currency.code} 计，按 ${currency.asOf} 的汇率 ${currency.perUsd} ${currency.code} 兑 1 美元换算（exchange_rates.csv${withSource ? `：${currency.source}` : ""}）`;
  // "to the US dollar", not the code: a page shows the word USD in the display currency.
  return `Money in ${currency.code} at ${currency.perUsd} ${currency.code} to the US dollar as of ${currency.asOf} (exchange_rates.csv${withSource ? `: ${currency.source}` : ""})`;
}

/** Tables whose `…Usd…` fields are money, converted with the rest when a dataset is shown in another currency. */
const MONEY_TABLES = [
  "models",
  "longContextPrices",
  "hardware",
  "routingTiers",
  "routingConfig",
  "caseStudy",
  "gpuRentals",
  "timeOfDayPrices",
] as const;

/**
 * The dataset with every money figure in `code` at the data's dated rate, and the process's display currency set
 * to it: every cost is linear in money, so tables, figures, panels and downloads computed from it come out in that
 * currency, while call volumes and break-evens in calls stay as they are. The chapter's printed dollar figures
 * (published_figures.csv, unit usd) move with them; the audit, which sets the chapter's own dollar inputs into the
 * data, reads `shownIn.inUsd`, the data as it was.
 */
export function inCurrency(data: Dataset, code = "USD"): Dataset {
  const currency = displayCurrency(data, code);
  setDisplayCurrency(currency.code);
  const inUsd = data.shownIn?.inUsd ?? data;
  if (data.shownIn) throw new InputError(`the data is shown in ${data.shownIn.code} already: convert it from USD once`);
  if (currency.code === "USD") return data;
  const scaled = <Row extends object>(rows: readonly Row[]): Row[] =>
    rows.map(
      (row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [
            key,
            typeof value === "number" && /^usd|Usd/.test(key) ? roundNoise(value * currency.perUsd) : value,
          ]),
        ) as Row,
    );
  const converted: Dataset = { ...data, shownIn: { ...currency, inUsd } };
  for (const table of MONEY_TABLES) (converted[table] as object[]) = scaled(data[table] as object[]);
  converted.publishedFigures = data.publishedFigures.map((row) =>
    row.unit === "usd"
      ? {
          ...row,
          value: roundNoise(row.value * currency.perUsd),
          valueHigh: row.valueHigh === undefined ? undefined : roundNoise(row.valueHigh * currency.perUsd),
        }
      : row,
  );
  return converted;
}

/** An amount a notebook states in USD (a what-if's server price), in the currency its data is shown in. */
export function usdIn(data: Dataset, usd: number): number {
  return data.shownIn ? roundNoise(usd * data.shownIn.perUsd) : usd;
}

/** A converted amount without the binary noise a product leaves (0.1 × 7 = 0.7000000000000001). */
const roundNoise = (value: number) => Number(value.toPrecision(12));
