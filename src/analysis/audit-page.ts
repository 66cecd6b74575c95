/**
 * The audit page (59.6) as it reads: its summary, the table of printed figures and what their flags mean, the findings
 * from the data, and both ranked by the money they move, in the page's language. The audit checks the chapter's own
 * figures, so money stays in the chapter's dollars.
 */
import type { Dataset } from "../data";
import { formatUsd } from "../format";
import { AUDIT_WORDS } from "../i18n/audit";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import type { ChapterAudit } from "./audit-materiality";
import { dataFileName } from "./figure-context";
import type { PageTable } from "./page-table";

/**
 * Dollars in a table's cell: English keeps the number for the table to format; Chinese writes it with the
 * language's own symbol (US$), as its sentences do.
 */
const dollarsCell = (usd: number | undefined, lang: Lang) => (usd === undefined || lang === DEFAULT_LANG ? usd : formatUsd(usd, 2, lang));

/** The page's first paragraph: how many printed figures match, how many are flagged, and the difference that moves most. */
export function auditSummary(data: Dataset, audit: ChapterAudit, lang: Lang = DEFAULT_LANG): string {
  const words = AUDIT_WORDS[lang];
  const checks = audit.checks;
  const flagged = checks.filter((check) => !check.withinRounding);
  const byChapterInputs = checks.filter((check) => check.explainedBy === "chapter_inputs");
  const top = audit.ranking[0];
  // An edition that records no printed figures (a later price edition) has nothing to check against a print: it says so.
  const printedLine =
    checks.length === 0
      ? words.noPrintedFigures(dataFileName(data, "published_figures.csv"))
      : words.printedMatch(checks.length - flagged.length, checks.length, byChapterInputs.length, flagged.length);
  return (
    words.summary(printedLine, audit.findings.length, checks.length === 0) +
    (top && top.usdPerMonth !== undefined ? words.topMoves(top.label, formatUsd(top.usdPerMonth, 2, lang)) : "")
  );
}

/** Every printed figure with what the formulas give for it and its flag. */
export function printedFiguresTable(data: Dataset, audit: ChapterAudit, lang: Lang = DEFAULT_LANG): PageTable {
  const words = AUDIT_WORDS[lang];
  return {
    rows: audit.checks.map((check) => ({
      section: check.figure.section,
      figure: check.figure.label,
      printed: check.figure.valueHigh === undefined ? String(check.figure.value) : `${check.figure.value}–${check.figure.valueHigh}`,
      recomputed: check.recomputed,
      difference: check.difference,
      relative: Number.isFinite(check.relativeDifference) ? check.relativeDifference * 100 : undefined,
      chapterInputs: check.recomputedAtChapterInputs,
      flag: check.explainedBy === "chapter_inputs" ? words.flagByChapterInputs : check.withinRounding ? "" : words.flagFlagged,
    })),
    columns: [
      { key: "section", label: words.hSection },
      { key: "figure", label: words.hFigure },
      { key: "printed", label: words.hPrinted },
      { key: "recomputed", label: words.hRecomputed, format: "number" },
      { key: "difference", label: words.hDifference, format: "number" },
      { key: "relative", label: words.hRelative, format: "percent" },
      { key: "chapterInputs", label: words.hAtChapterInputs, format: "number" },
      { key: "flag", label: "" },
    ],
    caption: words.printedCaption(dataFileName(data, "published_figures.csv")),
  };
}

/** What each flag means: one line per flagged figure or figure the chapter's own inputs give, with its note. */
export function flagNotes(audit: ChapterAudit, lang: Lang = DEFAULT_LANG): string {
  const words = AUDIT_WORDS[lang];
  return audit.checks
    .filter((check) => !check.withinRounding || check.explainedBy === "chapter_inputs")
    .map((check) => words.flagNote(check.figure.label, check.figure.section, check.explainedBy === "chapter_inputs", check.figure.note))
    .join("\n");
}

/** Said where Figure 59.6a would have no bar: no printed figures, or every one within its rounding. */
export function noFlaggedText(data: Dataset, audit: ChapterAudit, lang: Lang = DEFAULT_LANG): string {
  const words = AUDIT_WORDS[lang];
  return audit.checks.length === 0 ? words.nothingToCheck(dataFileName(data, "published_figures.csv")) : words.allMatch;
}

/** The findings from the data, with the money and the break-even each moves. */
export function findingsTable(data: Dataset, audit: ChapterAudit, lang: Lang = DEFAULT_LANG): PageTable {
  const words = AUDIT_WORDS[lang];
  return {
    rows: audit.findings.map((finding) => ({
      section: finding.section,
      finding: finding.title,
      usdPerMonth: dollarsCell(finding.effect.usdPerMonth, lang),
      callsPerDay: finding.effect.breakEvenCallsPerDay,
    })),
    columns: [
      { key: "section", label: words.hSection },
      { key: "finding", label: words.hFinding },
      { key: "usdPerMonth", label: words.hMovesMonth, format: "usd" },
      { key: "callsPerDay", label: words.hMovesBreakEven, format: "integer" },
    ],
    caption: words.findingsCaption(dataFileName(data, "case_study.csv")),
  };
}

/** Each finding in a line: its title, its section and what the arithmetic shows. */
export function findingNotes(audit: ChapterAudit, lang: Lang = DEFAULT_LANG): string {
  const words = AUDIT_WORDS[lang];
  return audit.findings.map((finding) => words.findingNote(finding.title, finding.section, finding.detail)).join("\n");
}

/** Every flagged figure and finding, by the money per month it moves. */
export function rankingTable(audit: ChapterAudit, lang: Lang = DEFAULT_LANG): PageTable {
  const words = AUDIT_WORDS[lang];
  return {
    rows: audit.ranking.map((row, index) => ({
      rank: index + 1,
      section: row.section,
      what: row.label,
      source: row.source === "finding" ? words.kindFinding : words.kindPrinted,
      usdPerMonth: dollarsCell(row.usdPerMonth, lang),
      callsPerDay: row.breakEvenCallsPerDay,
      decision: row.decision,
    })),
    columns: [
      { key: "rank", label: words.hRank, format: "integer" },
      { key: "section", label: words.hSection },
      { key: "what", label: words.hWhat },
      { key: "source", label: words.hKind },
      { key: "usdPerMonth", label: words.hMovesMonth, format: "usd" },
      { key: "callsPerDay", label: words.hMovesBreakEven, format: "integer" },
      { key: "decision", label: words.hDecision },
    ],
    caption: words.rankingCaption,
  };
}

/** Said where there is nothing to rank. */
export const nothingToRank = (lang: Lang = DEFAULT_LANG): string => AUDIT_WORDS[lang].nothingToRank;
