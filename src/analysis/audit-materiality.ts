/**
 * 59.6, materiality: every flagged figure and every finding ranked by what it does to a decision, the money per
 * month it moves (and the break-even calls per day, where one moves), rather than by how far a printed digit is off.
 */
import type { Dataset } from "../data";
import { formatInteger, formatUsd } from "../format";
import { auditMateriality, type Figure } from "../charts";
import { checkPublishedFigures, printedValue, type FigureCheck } from "./audit";
import { auditFindings, type AuditFinding, type DecisionEffect } from "./audit-findings";
import { provenance } from "./figure-context";
import { apiUsdPerCall } from "./cost";
import { hybridSavings } from "./hybrid-routing";
import { findModel, findWorkload } from "./lookup";
import { AUDIT_WORDS } from "../i18n/audit";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

export interface RankedDifference {
  /** The figure id or finding id. */
  id: string;
  section: string;
  /** What it is, in words. */
  label: string;
  source: "printed_figure" | "finding";
  /** USD per month the difference moves; undefined where it moves no cost the chapter computes. */
  usdPerMonth: number | undefined;
  /** Break-even calls per day it moves, where it moves one. */
  breakEvenCallsPerDay: number | undefined;
  decision: string;
}

/**
 * What a flagged printed figure does to a decision. A break-even that moves by N calls a day is worth N calls of
 * its API a day: the monthly local cost that would move it as far. A savings share is worth that share of the
 * all-premium bill it is a share of.
 */
export function figureEffect(data: Dataset, check: FigureCheck, lang: Lang = DEFAULT_LANG): DecisionEffect {
  const words = AUDIT_WORDS[lang];
  const usd = (value: number) => formatUsd(value, 2, lang);
  const parts = check.figure.figureId.replace(/^summary\//, "").split("/");
  const days = findWorkload(data).daysPerMonth;
  const gap = Math.abs(check.difference);
  const printed = check.figure.valueHigh === undefined ? formatInteger(check.figure.value) : printedValue(check.figure);
  const recomputed = check.recomputed;
  if (recomputed === undefined || !Number.isFinite(gap)) return { usdPerMonth: undefined, decision: words.effectNothing };
  const metric = parts.at(-1);
  if (parts[0] === "breakeven" && parts.length === 4 && (metric === "calls_per_day" || metric === "calls_per_month")) {
    const modelId = parts[2] as string;
    const callsPerDay = metric === "calls_per_day" ? gap : gap / days;
    return {
      usdPerMonth: callsPerDay * days * apiUsdPerCall(data, modelId),
      breakEvenCallsPerDay: callsPerDay,
      decision: words.effectBreakEven(findModel(data, modelId).modelName, formatInteger(recomputed), metric === "calls_per_day", printed),
    };
  }
  if (check.figure.unit === "usd" && metric?.endsWith("usd_per_month"))
    return { usdPerMonth: gap, decision: words.effectMonthly(check.figure.label, usd(recomputed), usd(check.figure.value)) };
  if (check.figure.unit === "usd" && metric?.endsWith("usd_per_day"))
    return {
      usdPerMonth: gap * days,
      decision: words.effectDaily(check.figure.label, usd(recomputed), usd(check.figure.value)),
    };
  if (check.figure.figureId.endsWith("router/savings_percent")) {
    const pureCloud = hybridSavings(data).pureCloudMonthly;
    return {
      usdPerMonth: (gap / 100) * pureCloud,
      decision: words.effectSavings(recomputed.toFixed(1), usd(pureCloud), printed),
    };
  }
  return {
    usdPerMonth: undefined,
    decision: words.effectOther(+recomputed.toFixed(2), words.unitWord(check.figure.unit), printedValue(check.figure)),
  };
}

/** Flagged figures and findings, largest money first; those that move no money follow, in section order. */
export function rankByDecision(
  data: Dataset,
  checks: readonly FigureCheck[],
  findings: readonly AuditFinding[],
  lang: Lang = DEFAULT_LANG,
): RankedDifference[] {
  const rows: RankedDifference[] = [
    ...checks
      .filter((check) => !check.withinRounding)
      .map((check) => {
        const effect = figureEffect(data, check, lang);
        return {
          id: check.figure.figureId,
          section: check.figure.section,
          label: check.figure.label,
          source: "printed_figure" as const,
          usdPerMonth: effect.usdPerMonth,
          breakEvenCallsPerDay: effect.breakEvenCallsPerDay,
          decision: effect.decision,
        };
      }),
    ...findings.map((finding) => ({
      id: finding.id,
      section: finding.section,
      label: finding.title,
      source: "finding" as const,
      usdPerMonth: finding.effect.usdPerMonth,
      breakEvenCallsPerDay: finding.effect.breakEvenCallsPerDay,
      decision: finding.effect.decision,
    })),
  ];
  const priced = rows.filter((row) => row.usdPerMonth !== undefined).sort((a, b) => (b.usdPerMonth as number) - (a.usdPerMonth as number));
  const unpriced = rows
    .filter((row) => row.usdPerMonth === undefined)
    .sort((a, b) => a.section.localeCompare(b.section, "en", { numeric: true }));
  return [...priced, ...unpriced];
}

export interface ChapterAudit {
  checks: FigureCheck[];
  findings: AuditFinding[];
  ranking: RankedDifference[];
  /** Flagged printed figures plus findings: what `audit --strict` fails on. */
  flaggedCount: number;
}

/** The whole audit of the chapter: printed figures checked, findings from the data, and both ranked by decision; in `lang`. */
export function auditChapter(data: Dataset, lang: Lang = DEFAULT_LANG): ChapterAudit {
  const checks = checkPublishedFigures(data);
  const findings = auditFindings(data, lang);
  return {
    checks,
    findings,
    ranking: rankByDecision(data, checks, findings, lang),
    flaggedCount: checks.filter((check) => !check.withinRounding).length + findings.length,
  };
}

/** Figure 59.6b: the money per month each difference moves, largest on top; those that move none are left out. */
export function materialityFigure(data: Dataset, ranking: readonly RankedDifference[], lang: Lang = DEFAULT_LANG): Figure {
  const rows = ranking
    .filter((row) => row.usdPerMonth !== undefined)
    .map((row) => ({ label: row.label, usdPerMonth: row.usdPerMonth as number, isFinding: row.source === "finding" }));
  return auditMateriality(
    rows,
    provenance(data, ["published_figures.csv", "chapter_statements.csv", "hardware.csv", "case_study.csv", "models.csv"]),
    lang,
  );
}
