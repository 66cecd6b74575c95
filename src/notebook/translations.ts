/**
 * Prose in more than one language, kept in the notebook itself. An English markdown cell needs nothing; its
 * translation is the markdown cell right after it, marked in its metadata with its language and the hash of the
 * English text it translates:
 *
 *   { "roilab": { "lang": "zh-CN", "translates": "<translationHash of the English cell's source>" } }
 *
 * A change to the English text changes its hash, so the translation shows as stale until it is redone. Jupyter shows
 * both cells; a page shows one of them (`pageCells`). Translation cells are markdown: the runner never executes them.
 */
import { createHash } from "node:crypto";
import { type Cell, cellSource } from "./nbformat";

/** A page's language: the notebooks are written in English, and translated cell by cell. */
export type Lang = "en" | "zh-CN";

/** The language the notebooks are written in. */
export const SOURCE_LANG: Lang = "en";

/** What a translation cell's metadata holds under `roilab`. */
export interface TranslationMark {
  lang: Lang;
  /** `translationHash` of the source of the English cell it translates. */
  translates: string;
}

/**
 * The hash a translation records of the English text it translates: SHA-256 in hex, first 16 digits, of the text
 * with line endings as `\n` and the whitespace at its end left off (an editor's final newline changes no meaning).
 */
export function translationHash(source: string): string {
  const text = source.replace(/\r\n?/g, "\n").trimEnd();
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The cell's translation mark, if it is a translation cell. */
export function translationMark(cell: Cell): TranslationMark | undefined {
  const mark = (cell.metadata.roilab as { lang?: unknown; translates?: unknown } | undefined) ?? {};
  if (cell.cell_type !== "markdown" || typeof mark.lang !== "string" || mark.lang === SOURCE_LANG) return undefined;
  return { lang: mark.lang as Lang, translates: typeof mark.translates === "string" ? mark.translates : "" };
}

/** The metadata of a new translation of `english` into `lang`. */
export function translationMetadata(english: Cell, lang: Lang): { roilab: TranslationMark } {
  return { roilab: { lang, translates: translationHash(cellSource(english)) } };
}

/** One cell of a page: the notebook's own cell, and the text the page shows in its place. */
export interface PageCell {
  /**
   * The cell as the notebook has it: for a translated markdown cell, the English cell. Its tags, its number and its
   * heading anchors hold in every language, so a link to a section works in both.
   */
  cell: Cell;
  /** The text the page shows: the translation's where there is a fresh one, else the cell's own. */
  source: string;
  /** Set when `source` is a translation: its cell. */
  translation?: Cell;
}

export type TranslationProblemReason = "missing" | "stale: English changed since translation" | "orphan: no English cell before it";

/** A cell a page in some language cannot show translated, or a translation that translates nothing. */
export interface TranslationProblem {
  /** The cell's position in the notebook, from 0. */
  index: number;
  /** The cell's id: the English cell's for `missing` and `stale`, the translation's for `orphan`. */
  id: string;
  reason: TranslationProblemReason;
}

export interface PageSelection {
  cells: PageCell[];
  /** The English cells the page shows untranslated, and translations it cannot use. Always empty in English. */
  problems: TranslationProblem[];
}

/** Each English markdown cell's translation into `lang`, by the English cell's index; translations that follow no English cell. */
function pairTranslations(cells: readonly Cell[], lang: Lang) {
  const translations = new Map<number, number>();
  const orphans: number[] = [];
  let english = -1;
  cells.forEach((cell, index) => {
    const mark = translationMark(cell);
    if (!mark) {
      english = cell.cell_type === "markdown" ? index : -1;
      return;
    }
    if (mark.lang !== lang) return;
    if (english < 0 || translations.has(english)) orphans.push(index);
    else translations.set(english, index);
  });
  return { translations, orphans };
}

/**
 * The cells a page in `lang` shows, in order. In English the translation cells are left out, and every other cell
 * shows as it is. In another language each English markdown cell with a fresh translation shows it instead; an English
 * cell without one, or whose translation is stale (its English changed since), shows in English and is reported, as
 * is a translation with no English cell before it. Code and raw cells show as they are.
 */
export function pageCells(cells: readonly Cell[], lang: Lang = SOURCE_LANG): PageSelection {
  if (lang === SOURCE_LANG)
    return { cells: cells.filter((cell) => !translationMark(cell)).map((cell) => ({ cell, source: cellSource(cell) })), problems: [] };
  const { translations, orphans } = pairTranslations(cells, lang);
  const problems: TranslationProblem[] = [];
  const result: PageCell[] = [];
  cells.forEach((cell, index) => {
    if (translationMark(cell)) return;
    const source = cellSource(cell);
    if (cell.cell_type !== "markdown" || !source.trim()) {
      result.push({ cell, source });
      return;
    }
    const at = translations.get(index);
    const translation = at === undefined ? undefined : cells[at]!;
    if (!translation) problems.push({ index, id: cell.id, reason: "missing" });
    else if (translationMark(translation)?.translates !== translationHash(source))
      problems.push({ index, id: cell.id, reason: "stale: English changed since translation" });
    else {
      result.push({ cell, source: cellSource(translation), translation });
      return;
    }
    result.push({ cell, source });
  });
  for (const index of orphans) problems.push({ index, id: cells[index]!.id, reason: "orphan: no English cell before it" });
  problems.sort((a, b) => a.index - b.index);
  return { cells: result, problems };
}

/** The English markdown cells of a notebook whose translation into `lang` is missing or stale, and stray translations. */
export function translationProblems(cells: readonly Cell[], lang: Lang): TranslationProblem[] {
  return pageCells(cells, lang).problems;
}
