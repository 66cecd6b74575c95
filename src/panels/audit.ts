/**
 * The audit's what-if panel (59.6): how many printed figures are still flagged when a print may be off by more than
 * its own rounding. The notebook and the page check every figure with the audit's own rule, at the reader's slack.
 */
import { auditDifferences } from "../charts/audit";
import type { Figure, Provenance } from "../charts/figure";
import { checkPrintedFigure, type PrintedValue } from "../model";
import { numberControls, type PanelDefinition } from "./definition";
import { checkRanges, type PanelRanges } from "./ranges";

/** A printed figure with what the chapter's formulas give for it: all the panel needs to check it at any slack. */
export interface AuditPanelFigure extends PrintedValue {
  label: string;
  section: string;
  /** What the formulas give from the data; absent where roilab computes nothing for it (or nothing finite). */
  recomputed?: number;
  /** What they give from the inputs the chapter states for it; absent where it states none. */
  recomputedAtChapterInputs?: number;
  /** USD per month the difference moves (as Figure 59.6b counts it); absent where it moves no cost. */
  usdPerMonth?: number;
}

export interface AuditPanelInputs {
  /** The tolerance, in multiples of the printed rounding (1: as printed). */
  roundingSteps: number;
}

export const AUDIT_PANEL_RANGES: PanelRanges<AuditPanelInputs> = {
  roundingSteps: { label: "Times the printed rounding", min: 1, max: 1_000_000, step: 1 },
};

export interface AuditPanelSpec {
  kind: "audit";
  title: string;
  /** The file the printed figures are kept in, as the page names it. */
  figuresFile: string;
  figures: AuditPanelFigure[];
  defaults: AuditPanelInputs;
  provenance: Provenance;
}

export interface AuditPanelResult {
  /** The figures neither the data nor the chapter's own inputs give within the looser rounding. */
  stillFlagged: AuditPanelFigure[];
  /** Flagged at the printed rounding itself. */
  flaggedAsPrinted: number;
  /** Money per month the still-flagged figures move together, USD. */
  usdPerMonth: number;
  summary: string;
  figure: Figure;
}

const checkAt = (figure: AuditPanelFigure, slack: number) =>
  checkPrintedFigure(figure, figure.recomputed, figure.recomputedAtChapterInputs, slack);
const flaggedAt = (figures: readonly AuditPanelFigure[], slack: number) =>
  figures.filter((figure) => !checkAt(figure, slack).withinRounding);

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const dollars = (usd: number) => `$${Math.round(usd).toLocaleString("en-US")}`;

/** The printed figures still flagged at `roundingSteps` times their rounding, what they move, and Figure 59.6a of them. */
export function evaluateAuditPanel(spec: AuditPanelSpec, inputs: AuditPanelInputs): AuditPanelResult {
  checkRanges(AUDIT_PANEL_RANGES, inputs);
  const steps = inputs.roundingSteps;
  const stillFlagged = flaggedAt(spec.figures, steps);
  const flaggedAsPrinted = flaggedAt(spec.figures, 1).length;
  const priced = stillFlagged.filter((figure) => figure.usdPerMonth !== undefined);
  const usdPerMonth = priced.reduce((sum, figure) => sum + (figure.usdPerMonth ?? 0), 0);
  const largest = [...priced].sort((a, b) => (b.usdPerMonth ?? 0) - (a.usdPerMonth ?? 0))[0];
  const allowing = steps === 1 ? "At the printed rounding" : `Allowing ${steps.toLocaleString("en-US")} times the printed rounding`;
  const total = spec.figures.length;
  const none =
    total === 0
      ? `${spec.figuresFile} records no printed figures, so there is nothing to check against a print.`
      : `${allowing}, no printed figure is flagged: the chapter's formulas or its own inputs give all ${count(total, "figure", "figures")}.`;
  const money =
    largest === undefined
      ? ""
      : `; together they move ${dollars(usdPerMonth)} a month, ${dollars(largest.usdPerMonth ?? 0)} of it the ${largest.label}`;
  const flagged = stillFlagged.length;
  const summary =
    flagged === 0
      ? none
      : `${allowing}, ${flagged.toLocaleString("en-US")} of the ${count(total, "printed figure", "printed figures")} ${flagged === 1 ? "is" : "are"} ${steps === 1 ? "" : "still "}flagged` +
        `${steps === 1 ? "" : ` (${flaggedAsPrinted} at the printed rounding)`}${money}.`;
  const rows = stillFlagged.map((figure) => ({ label: figure.label, relativePercent: checkAt(figure, steps).relativeDifference * 100 }));
  // With none to draw (or none with a finite difference), the figure says so rather than show empty axes; on two
  // short lines, which a phone's width holds.
  const emptyMessage =
    stillFlagged.length === 0
      ? total === 0
        ? "No printed figures to check"
        : `No printed figure is flagged<br>at ${steps.toLocaleString("en-US")}× the printed rounding`
      : "The figures still flagged<br>have no difference to draw";
  const figure = auditDifferences(rows, spec.provenance, emptyMessage);
  figure.layout.title.text = `Figure 59.6c — Printed figures still flagged at ${steps.toLocaleString("en-US")}× the printed rounding`;
  return { stillFlagged, flaggedAsPrinted, usdPerMonth, summary, figure };
}

/** The panel as the page offers it: one number, the rounding a print may be off by. */
export const AUDIT_PANEL: PanelDefinition<AuditPanelSpec, AuditPanelInputs> = {
  kind: "audit",
  computes: { en: "the flags", "zh-CN": "核查标记" },
  controls: (spec) => numberControls(AUDIT_PANEL_RANGES, spec.defaults, ["roundingSteps"]),
  show: (spec, values) => {
    const evaluated = evaluateAuditPanel(spec, values);
    return {
      summary: evaluated.summary,
      figure: evaluated.figure,
      attributes: { "data-flagged": String(evaluated.stillFlagged.length) },
    };
  },
};
