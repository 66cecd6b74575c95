import { formatDateTime } from "../../i18n/dates";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";

/** `2026-11-28T13:21:24Z` → `28 November 2026, 13:21 UTC` (`2026年11月28日 13:21（UTC）`), for page headers and footers. */
export function readableTime(iso: string, lang: Lang = DEFAULT_LANG): string {
  return formatDateTime(iso, lang);
}
