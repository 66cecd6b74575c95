/**
 * A dated edition's folder name (`2026-11`, `2026-11-30`), so that name order is date order; a regional edition adds
 * its region's ISO 3166-1 code in lower case (`2026-11-cn`): the same date's analysis for readers there.
 */
const DATED_EDITION = /^(\d{4}-\d{2}(?:-\d{2})?)(?:-([a-z]{2}))?$/;

const editionName = (folder: string) => folder.split(/[\\/]/).filter(Boolean).at(-1) ?? "";

/** The date a folder's name gives it as an edition (`data/2026-11` → `2026-11`), or undefined for an undated one (`data`). */
export function editionDate(folder: string): string | undefined {
  return DATED_EDITION.exec(editionName(folder))?.[1];
}

/** The region a dated edition is for (`data/2026-11-cn` → `cn`), or undefined for one for every reader. */
export function editionRegion(folder: string): string | undefined {
  return DATED_EDITION.exec(editionName(folder))?.[2];
}
