/**
 * The audit's what-if panel (59.6): how many printed figures are still flagged when a print may be off by more than
 * its own rounding. The notebook and the page check every figure with the audit's own rule, at the reader's slack.
 */
import { auditDifferences } from "../charts/audit";
import type { Figure, Provenance } from "../charts/figure";
import { checkPrintedFigure, type PrintedValue } from "../model";
import type { PanelDefinition } from "./definition";
import { checkRanges, type PanelRanges } from "./ranges";
import { formatUsd } from "../format";
import { AUDIT_WORDS } from "../i18n/audit";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

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
  /** The language the panel writes in; absent: English. */
  lang?: Lang;
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

const dollars = (usd: number, lang: Lang) =>
  lang === DEFAULT_LANG ? `$${Math.round(usd).toLocaleString("en-US")}` : formatUsd(Math.round(usd), 0, lang);

/** The printed figures still flagged at `roundingSteps` times their rounding, what they move, and Figure 59.6a of them. */
export function evaluateAuditPanel(spec: AuditPanelSpec, inputs: AuditPanelInputs): AuditPanelResult {
  checkRanges(AUDIT_PANEL_RANGES, inputs);
  const lang = spec.lang ?? DEFAULT_LANG;
  const words = AUDIT_WORDS[lang];
  const steps = inputs.roundingSteps;
  const stillFlagged = flaggedAt(spec.figures, steps);
  const flaggedAsPrinted = flaggedAt(spec.figures, 1).length;
  const priced = stillFlagged.filter((figure) => figure.usdPerMonth !== undefined);
  const usdPerMonth = priced.reduce((sum, figure) => sum + (figure.usdPerMonth ?? 0), 0);
  const largest = [...priced].sort((a, b) => (b.usdPerMonth ?? 0) - (a.usdPerMonth ?? 0))[0];
  const allowing = steps === 1 ? words.atPrinted : words.allowing(steps.toLocaleString("en-US"));
  const total = spec.figures.length;
  const none = total === 0 ? words.nothingToCheck(spec.figuresFile) : words.noneFlagged(allowing, total);
  const money =
    largest === undefined ? "" : words.together(dollars(usdPerMonth, lang), dollars(largest.usdPerMonth ?? 0, lang), largest.label);
  const flagged = stillFlagged.length;
  const summary =
    flagged === 0 ? none : words.stillFlagged(allowing, flagged, total, steps !== 1, steps === 1 ? undefined : flaggedAsPrinted, money);
  const rows = stillFlagged.map((figure) => ({ label: figure.label, relativePercent: checkAt(figure, steps).relativeDifference * 100 }));
  // With none to draw (or none with a finite difference), the figure says so rather than show empty axes; on two
  // short lines, which a phone's width holds.
  const emptyMessage =
    stillFlagged.length === 0
      ? total === 0
        ? words.noFiguresToCheck
        : words.noneFlaggedAt(steps.toLocaleString("en-US"))
      : words.nothingToDraw;
  const figure = auditDifferences(rows, spec.provenance, emptyMessage, lang);
  figure.layout.title.text = `${lang === DEFAULT_LANG ? "Figure" : "图"} 59.6c — ${words.stillFlaggedTitle(steps.toLocaleString("en-US"))}`;
  return { stillFlagged, flaggedAsPrinted, usdPerMonth, summary, figure };
}

/** The panel as the page offers it: one number, the rounding a print may be off by. */
export const AUDIT_PANEL: PanelDefinition<AuditPanelSpec, AuditPanelInputs> = {
  kind: "audit",
  computes: { en: "the flags", "zh-CN": "核查标记" },
  controls: (spec) => [
    {
      key: "roundingSteps",
      range: { ...AUDIT_PANEL_RANGES.roundingSteps, label: AUDIT_WORDS[spec.lang ?? DEFAULT_LANG].roundingControl },
      value: spec.defaults.roundingSteps,
    },
  ],
  show: (spec, values) => {
    const evaluated = evaluateAuditPanel(spec, values);
    return {
      summary: evaluated.summary,
      figure: evaluated.figure,
      attributes: { "data-flagged": String(evaluated.stillFlagged.length) },
    };
  },
};
