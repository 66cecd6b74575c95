/** Whether a report's prices are too old to trust without checking, and the banner that says so. */
import type { DataFileRecord } from "../notebook/data-folder";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { PAGE_WORDS } from "../i18n/page";
import { editionLink } from "./html/edition-link";

const DEFAULT_STALE_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Staleness {
  file: string;
  asOf: string;
  ageDays: number;
}

/** The caller's price file (`pricesFile`, none: no warning) when its newest as_of is more than `maxAgeDays` before `now`. */
export function stalePrices(
  records: readonly DataFileRecord[],
  pricesFile: string | undefined,
  now: Date,
  maxAgeDays: number = DEFAULT_STALE_DAYS,
): Staleness | undefined {
  const prices = records.find((record) => record.name === pricesFile && record.asOf);
  if (!prices?.asOf) return undefined;
  const ageDays = Math.floor((now.getTime() - Date.parse(`${prices.asOf}T00:00:00Z`)) / DAY_MS);
  return ageDays > maxAgeDays ? { file: prices.name, asOf: prices.asOf, ageDays } : undefined;
}

/** The note at the top of a page; `folder` names the data folder as the page shows it. */
export function staleBanner(
  stale: Staleness | undefined,
  folder: string,
  newer?: { dataFolder: string; href: string },
  lang: Lang = DEFAULT_LANG,
): string {
  if (!stale) return "";
  const words = PAGE_WORDS[lang];
  // Where the same report is published on newer data, the banner points there rather than only warning.
  const there = newer ? words.newerPrices(editionLink(newer, lang)) : "";
  return `<p class="stale" role="note"><strong>${words.oldPrices}</strong> ${words.oldPricesText(`${folder}/${stale.file}`, stale.asOf, stale.ageDays)}${there}</p>`;
}
