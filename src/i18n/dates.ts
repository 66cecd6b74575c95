/** Dates and times as each language writes them: `28 November 2026` and `2026年11月28日`, always in UTC. */
import { DEFAULT_LANG, type Lang } from "./lang";

/** A calendar date (`2026-11-28`, or a full ISO time whose UTC date counts) as the language writes it. */
export function formatDate(iso: string, lang: Lang = DEFAULT_LANG): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (lang === "zh-CN") return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** `2026-11-28T13:21:24Z` as `28 November 2026, 13:21 UTC` or `2026年11月28日 13:21 (UTC)`, for page headers and footers. */
export function formatDateTime(iso: string, lang: Lang = DEFAULT_LANG): string {
  const time = new Date(iso).toISOString().slice(11, 16);
  return lang === "zh-CN" ? `${formatDate(iso, lang)} ${time}（UTC）` : `${formatDate(iso, lang)}, ${time} UTC`;
}

/**
 * When prices are from, as a Chinese reader says it: `价格截至 2026-12-07` for one date, `价格日期为 2023-12-28 至
 * 2026-12-07` for a span (the files' dates differ), which "截至" (up to) cannot say.
 */
export function pricesAsOfZh(asOf: string): string {
  const [first, last] = asOf.split(" to ");
  return last === undefined ? `价格截至 ${first}` : `价格日期为 ${first} 至 ${last}`;
}
