/** The audit of the chapter as terminal text: every printed figure beside what its formulas give, the findings, and both ranked by decision. */
import { formatInteger, formatUsd } from "../../format";
import { printedValue, type FigureCheck } from "../audit";
import type { ChapterAudit } from "../audit-materiality";
import { renderTextTable } from "./text-table";

function round(value: number | undefined): string {
  return value !== undefined && Number.isFinite(value) ? String(+value.toFixed(4)) : value === undefined ? "" : "?";
}

export function auditTable(checks: readonly FigureCheck[]): string {
  const rows = checks.map((check) => [
    check.figure.section,
    check.figure.figureId,
    printedValue(check.figure),
    check.recomputed === undefined ? "?" : round(check.recomputed),
    round(check.difference),
    Number.isFinite(check.relativeDifference) ? `${(check.relativeDifference * 100).toFixed(2)}%` : "",
    round(check.recomputedAtChapterInputs),
    check.explainedBy === "chapter_inputs" ? "chapter's inputs" : check.withinRounding ? "" : "FLAG",
  ]);
  const table = renderTextTable(
    [
      { header: "Section" },
      { header: "Figure" },
      { header: "Printed", align: "right" },
      { header: "Recomputed", align: "right" },
      { header: "Difference", align: "right" },
      { header: "Relative", align: "right" },
      { header: "At chapter's inputs", align: "right" },
      { header: "" },
    ],
    rows,
  );
  const flagged = checks.filter((check) => !check.withinRounding);
  const byChapterInputs = checks.filter((check) => check.explainedBy === "chapter_inputs");
  // Figures explained only by the chapter's own inputs keep their note: it says which inputs and what they give.
  const notes = checks
    .filter((check) => !check.withinRounding || check.explainedBy === "chapter_inputs")
    .map(
      (check) =>
        `- ${check.figure.figureId}: ${check.figure.note ?? "differs by more than its printed rounding; no explanation recorded in published_figures.csv"}`,
    );
  const matched = checks.length - flagged.length;
  const summary = `${matched} of ${checks.length} printed figures match their formulas within rounding${byChapterInputs.length ? ` (${byChapterInputs.length} only from the inputs the chapter itself states)` : ""}; ${flagged.length} flagged.`;
  return `${table}\n\n${summary}\n${notes.join("\n")}\n`;
}

/** The whole audit: the figures table, the findings from the data, and the ranking by what each moves. */
export function auditReport(audit: ChapterAudit): string {
  const findings = audit.findings.map((finding) => `- [${finding.section}] ${finding.title}\n  ${finding.detail}`);
  const ranking = renderTextTable(
    [
      { header: "#", align: "right" },
      { header: "Section" },
      { header: "What differs" },
      { header: "$/month moved", align: "right" },
      { header: "Break-even calls/day moved", align: "right" },
      { header: "Decision" },
    ],
    audit.ranking.map((row, index) => [
      String(index + 1),
      row.section,
      row.label,
      row.usdPerMonth === undefined ? "-" : formatUsd(row.usdPerMonth),
      row.breakEvenCallsPerDay === undefined ? "" : formatInteger(row.breakEvenCallsPerDay),
      row.decision,
    ]),
  );
  return [
    auditTable(audit.checks),
    `Found from the data (${audit.findings.length}):`,
    findings.join("\n"),
    "",
    "Every flagged figure and finding by what it does to a decision (money per month moved; '-' moves no cost the chapter computes):",
    ranking,
    "",
  ].join("\n");
}
