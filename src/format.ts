/** Number formatting shared by text tables, figures and HTML reports (en-US, as in the chapter). */

const usdFormats = new Map<number, Intl.NumberFormat>();

/** `$1,234.56`; `digits` decimals (default 2). Infinity prints as "never". */
export function formatUsd(value: number, digits = 2): string {
  if (value === Infinity) return "never";
  let format = usdFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: "USD",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    usdFormats.set(digits, format);
  }
  return format.format(value);
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

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount already in `currencyCode` (`$1,234.56`, `CN¥8,642.10`, `€12.00`); `digits` decimals (default 2). Infinity prints as "never". */
export function formatMoney(amount: number, currencyCode: string, digits = 2): string {
  if (amount === Infinity) return "never";
  if (currencyCode === "USD") return formatUsd(amount, digits);
  const key = `${currencyCode}:${digits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency: currencyCode, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}
