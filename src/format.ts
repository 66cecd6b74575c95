/** Number formatting shared by text tables, figures and HTML reports (en-US, as in the chapter). */

/**
 * The currency this process shows money in: USD unless a notebook or a command sets another (a kernel runs one
 * notebook, a command prints one report). Amounts are passed already in it: roilab converts the data, not each number.
 */
let displayCurrency = "USD";

/** Show money in `code` (ISO 4217, e.g. `CNY`) from now on in this process. */
export function setDisplayCurrency(code: string): void {
  // Intl refuses a code it cannot format: better here than in the first figure.
  new Intl.NumberFormat("en-US", { style: "currency", currency: code });
  displayCurrency = code;
}

/** The ISO code money is shown in. */
export const displayCurrencyCode = (): string => displayCurrency;

/** `$1,234.56` (or `CN¥1,234.56` where the display currency is CNY); `digits` decimals (default 2). Infinity prints as "never". */
export function formatUsd(value: number, digits = 2): string {
  return formatMoney(value, displayCurrency, digits);
}

/** The display currency's symbol as en-US prints it: `$`, `CN¥`, `€`. */
export function currencySymbol(code = displayCurrency): string {
  return (
    new Intl.NumberFormat("en-US", { style: "currency", currency: code }).formatToParts(0).find((part) => part.type === "currency")
      ?.value ?? code
  );
}

/**
 * A label or sentence written for dollars (`$ per month`, `$/M input`, `USD per month`) in the display currency:
 * a `$` before a digit, a space, a slash or the end, and the word USD, change; anything else stays.
 */
export function moneyText(text: string, code = displayCurrency): string {
  if (code === "USD") return text;
  return text.replace(/(?<![:{%])\$(?=[\d\s/,.)]|$)/g, currencySymbol(code)).replace(/\bUSD\b/g, code);
}

const integerFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** `12,345`, rounded to a whole number. Infinity prints as "never". */
export function formatInteger(value: number): string {
  if (value === Infinity) return "never";
  return integerFormat.format(value);
}

/** `55.0%` from a number already in percent. */
export function formatPercent(valuePercent: number, digits = 1): string {
  return `${valuePercent.toFixed(digits)}%`;
}

/**
 * A break-even volume in whole calls, as the chapter counts it: truncated (the volume below which the API
 * is still cheaper), never rounded up, so every panel and figure prints the same number. Infinity: "never".
 */
export function formatBreakEvenCalls(calls: number): string {
  if (calls === Infinity) return "never";
  return integerFormat.format(Math.trunc(calls));
}

/** The least whole number of calls from which an option is cheaper: the crossing rounded up (524.15 is 525). */
export function formatLeastCalls(calls: number): string {
  if (calls === Infinity) return "never";
  return integerFormat.format(Math.ceil(calls - 1e-9));
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount already in `currencyCode` (`$1,234.56`, `CN¥8,642.10`, `€12.00`); `digits` decimals (default 2). Infinity prints as "never". */
export function formatMoney(amount: number, currencyCode: string, digits = 2): string {
  if (amount === Infinity) return "never";
  const key = `${currencyCode}:${digits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: currencyCode,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

/** `1 server`, `11 servers`: a count with its noun in the right number (`plural` where adding "s" is wrong). */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatInteger(count)} ${count === 1 ? singular : plural}`;
}
