/** A dated edition's folder name (`2026-11`, `2026-11-30`), so that name order is date order. */
const DATED_EDITION = /^\d{4}-\d{2}(-\d{2})?$/;

/** The date a folder's name gives it as an edition (`data/2026-11` → `2026-11`), or undefined for an undated one (`data`). */
export function editionDate(folder: string): string | undefined {
  const name = folder.split(/[\\/]/).filter(Boolean).at(-1) ?? "";
  return DATED_EDITION.test(name) ? name : undefined;
}
