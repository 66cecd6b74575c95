/**
 * Number formatting shared by text tables, figures and HTML reports: en-US, as in the chapter, unless a caller asks
 * for another language (`lang`, default English, whose output never changes with this parameter).
 *
 * Chinese (`zh-CN`) money follows one rule: an amount under 100,000 is written in full with thousands separators
 * (`¥12,345.00`, `US$8.55`); from 100,000 it is written in 万 (ten thousands) with two decimals (`¥12.35万`), and
 * from 100,000,000 in 亿 (`¥1.20亿`), as Chinese financial writing reads large sums. CNY is `¥`; other currencies
 * take Chinese's own symbols (`US$`, `€`). Counts are plain numbers with the noun after them: Chinese has no plural.
 */
import { DEFAULT_LANG, type Lang } from "./i18n/lang";

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

/** `$1,234.56` (or `CN¥1,234.56` where the display currency is CNY; `¥1,234.56` in Chinese); `digits` decimals (default 2). Infinity prints as "never". */
export function formatUsd(value: number, digits = 2, lang: Lang = DEFAULT_LANG): string {
  return formatMoney(value, displayCurrency, digits, lang);
}

/** Where Intl takes a language: the locale roilab formats it in. */
const LOCALE: Record<Lang, string> = { en: "en-US", "zh-CN": "zh-CN" };

/** The display currency's symbol as the language prints it: `$`, `CN¥`, `€` in English; `US$`, `¥`, `€` in Chinese. */
export function currencySymbol(code = displayCurrency, lang: Lang = DEFAULT_LANG): string {
  return (
    new Intl.NumberFormat(LOCALE[lang], { style: "currency", currency: code }).formatToParts(0).find((part) => part.type === "currency")
      ?.value ?? code
  );
}

/**
 * A label or sentence written for dollars (`$ per month`, `$/M input`, `USD per month`) in the display currency:
 * a `$` before a digit, a space, a slash or the end, and the word USD, change; anything else stays.
 */
export function moneyText(text: string, code = displayCurrency, lang: Lang = DEFAULT_LANG): string {
  if (lang !== "en") {
    // Chinese writes `US$` for dollars: a `$` that already follows letters (`US$12`) is left as it is.
    return text.replace(/(?<![:{%A-Za-z])\$(?=[\d\s/,.)]|$)/g, currencySymbol(code, lang)).replace(/\bUSD\b/g, code);
  }
  if (code === "USD") return text;
  return text.replace(/(?<![:{%])\$(?=[\d\s/,.)]|$)/g, currencySymbol(code, lang)).replace(/\bUSD\b/g, code);
}

/** What a volume or an amount that is never reached reads as. */
const NEVER: Record<Lang, string> = { en: "never", "zh-CN": "永不" };

const integerFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** `12,345`, rounded to a whole number (the same in Chinese). Infinity prints as "never" (`永不`). */
export function formatInteger(value: number, lang: Lang = DEFAULT_LANG): string {
  if (value === Infinity) return NEVER[lang];
  return integerFormat.format(value);
}

/** `55.0%` from a number already in percent (the same in Chinese). */
export function formatPercent(valuePercent: number, digits = 1, _lang: Lang = DEFAULT_LANG): string {
  return `${valuePercent.toFixed(digits)}%`;
}

/**
 * A break-even volume in whole calls, as the chapter counts it: truncated (the volume below which the API
 * is still cheaper), never rounded up, so every panel and figure prints the same number. Infinity: "never".
 */
export function formatBreakEvenCalls(calls: number, lang: Lang = DEFAULT_LANG): string {
  if (calls === Infinity) return NEVER[lang];
  return integerFormat.format(Math.trunc(calls));
}

/** The least whole number of calls from which an option is cheaper: the crossing rounded up (524.15 is 525). */
export function formatLeastCalls(calls: number, lang: Lang = DEFAULT_LANG): string {
  if (calls === Infinity) return NEVER[lang];
  return integerFormat.format(Math.ceil(calls - 1e-9));
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currencyCode: string, digits: number, lang: Lang): Intl.NumberFormat {
  const key = `${lang}:${currencyCode}:${digits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], {
      style: "currency",
      currency: currencyCode,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/** An amount in Chinese: in full under 100,000, else in 万 or 亿 with two decimals (`¥12.35万`, `-US$1.20亿`). */
function chineseMoney(amount: number, currencyCode: string, digits: number): string {
  // Judged as the amount prints: 99,999.999 at two decimals would print 100,000.00, so it is ¥10.00万.
  if (Math.abs(Number(amount.toFixed(digits))) < 1e5) return moneyFormat(currencyCode, digits, "zh-CN").format(amount);
  const inYi = Math.abs(Number((amount / 1e8).toFixed(2))) >= 1;
  const format = moneyFormat(currencyCode, 2, "zh-CN");
  return inYi ? `${format.format(amount / 1e8)}亿` : `${format.format(amount / 1e4)}万`;
}

/**
 * An amount already in `currencyCode` (`$1,234.56`, `CN¥8,642.10`, `€12.00`; in Chinese `¥8,642.10`, `¥12.35万`);
 * `digits` decimals (default 2) below the Chinese large units. Infinity prints as "never" (`永不`).
 */
export function formatMoney(amount: number, currencyCode: string, digits = 2, lang: Lang = DEFAULT_LANG): string {
  if (amount === Infinity) return NEVER[lang];
  if (lang === "zh-CN") return chineseMoney(amount, currencyCode, digits);
  return moneyFormat(currencyCode, digits, lang).format(amount);
}

/** `1 server`, `11 servers`: a count with its noun in the right number (`plural` where adding "s" is wrong). */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatInteger(count)} ${count === 1 ? singular : plural}`;
}

/** A count's noun in each language: English's singular and plural, and Chinese's one form with its measure word (`台服务器`). */
export interface CountNoun {
  one: string;
  other: string;
  zh: string;
}

/** `11 servers` in English; `11 台服务器` in Chinese, which has no plural. */
export function countIn(count: number, noun: CountNoun, lang: Lang = DEFAULT_LANG): string {
  return lang === "zh-CN" ? `${formatInteger(count, lang)} ${noun.zh}` : countOf(count, noun.one, noun.other);
}
