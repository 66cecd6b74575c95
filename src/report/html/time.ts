/** `2026-11-28T13:21:24Z` → `28 November 2026, 13:21 UTC`, for page headers and footers. */
export function readableTime(iso: string): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return `${day}, ${date.toISOString().slice(11, 16)} UTC`;
}
