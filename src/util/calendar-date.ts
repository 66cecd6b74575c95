/** Dates as roilab's data and flags write them: YYYY-MM-DD, a day the calendar has, from 1900 on. */

/** The first year a price or an `as_of` can be dated: year 0 or 1 is a typing slip, and date arithmetic breaks on it. */
export const FIRST_YEAR = 1900;

/** Whether `text` is written YYYY-MM-DD at all. */
export const looksLikeIsoDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** Whether `text` is YYYY-MM-DD and names a day the calendar has (not 2025-02-30), in FIRST_YEAR or later. */
export function isCalendarDate(text: string): boolean {
  if (!looksLikeIsoDate(text) || Number(text.slice(0, 4)) < FIRST_YEAR) return false;
  const date = new Date(`${text}T00:00:00Z`);
  // Date rolls a day past the month's end over into the next month; a real day comes back as written.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
