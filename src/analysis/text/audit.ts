/** The audit of the chapter as a terminal table: every printed figure beside what its formulas give. */
import { printedValue, type FigureCheck } from "../audit";
import { renderTextTable } from "./text-table";

function round(value: number): string {
  return Number.isFinite(value) ? String(+value.toFixed(4)) : "?";
}

export function auditTable(checks: readonly FigureCheck[]): string {
  const rows = checks.map((check) => [
    check.figure.section,
    check.figure.figureId,
    printedValue(check.figure),
    check.recomputed === undefined ? "?" : round(check.recomputed),
    round(check.difference),
    Number.isFinite(check.relativeDifference) ? `${(check.relativeDifference * 100).toFixed(2)}%` : "",
    check.withinRounding ? "" : "FLAG",
  ]);
  const table = renderTextTable(
    [{ header: "Section" }, { header: "Figure" }, { header: "Printed", align: "right" }, { header: "Recomputed", align: "right" }, { header: "Difference", align: "right" }, { header: "Relative", align: "right" }, { header: "" }],
    rows,
  );
  const flagged = checks.filter((check) => !check.withinRounding);
  const notes = flagged.map((check) => `- ${check.figure.figureId}: ${check.figure.note ?? "differs by more than its printed rounding; no explanation recorded in published_figures.csv"}`);
  return `${table}\n\n${checks.length - flagged.length} of ${checks.length} printed figures match their formulas within rounding; ${flagged.length} flagged.\n${notes.join("\n")}\n`;
}
