/**
 * A figure written in dollars, shown in the display currency: the figure builders state money as USD (`$` in
 * labels, d3's `$` in hover and tick formats); the numbers themselves are already in the display currency.
 */
import { currencySymbol, displayCurrencyCode, moneyText } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import type { Figure } from "./figure";

/** Keys whose strings are d3 formats (`$,.0f`), not text. */
const FORMAT_KEYS = new Set(["tickformat", "hoverformat", "valueformat"]);
/** Keys whose strings are Plotly templates (`%{y:$,.0f} a month`). */
const TEMPLATE_KEYS = new Set(["hovertemplate", "texttemplate"]);

function template(text: string, symbol: string, code: string, lang: Lang): string {
  // d3's `$` prints the locale's dollar sign: the symbol goes in front of the placeholder instead.
  const placeholders = text.replace(/%\{([^}:]+):\$([^}]*)\}/g, (_match, name: string, format: string) => `${symbol}%{${name}:${format}}`);
  return moneyText(placeholders.replace(/\$%\{/g, `${symbol}%{`), code, lang);
}

function convert(value: unknown, key: string, symbol: string, code: string, lang: Lang): unknown {
  if (typeof value === "string")
    return TEMPLATE_KEYS.has(key) ? template(value, symbol, code, lang) : FORMAT_KEYS.has(key) ? value : moneyText(value, code, lang);
  if (Array.isArray(value)) return value.map((item) => convert(item, key, symbol, code, lang));
  if (value !== null && typeof value === "object") {
    const object = value as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(object)) result[name] = convert(item, name, symbol, code, lang);
    // An axis formatted in dollars: the currency's symbol as the tick prefix, the rest of the format kept.
    if (typeof object.tickformat === "string" && object.tickformat.startsWith("$")) {
      result.tickformat = object.tickformat.slice(1);
      result.tickprefix = symbol;
    }
    return result;
  }
  return value;
}

/**
 * The figure with its money labels, hover and tick formats in `code` (default: the display currency), its symbol as
 * `lang` writes it (`CN¥` in English, `¥` in Chinese); English USD figures come back as they are.
 */
export function figureInCurrency(figure: Figure, code = displayCurrencyCode(), lang: Lang = DEFAULT_LANG): Figure {
  if (code === "USD" && lang === DEFAULT_LANG) return figure;
  return convert(figure, "", currencySymbol(code, lang), code, lang) as Figure;
}
