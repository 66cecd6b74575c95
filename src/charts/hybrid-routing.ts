/** 59.4–59.5: routing tasks between tiers, and the case study's options. */
import { formatUsd } from "../format";
import { CASE_STUDY_WORDS } from "../i18n/case-study";
import { HYBRID_ROUTING_WORDS, tierZh } from "../i18n/hybrid-routing";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { TIER_NAMES, type CaseStudyResult, type SavingsEstimate } from "../model";
import { figureInCurrency } from "./currency";
import type { Annotation, Figure, Provenance, Trace } from "./figure";
import { FORMAT, LINE_COLORS, LOCAL_COST_COLOR, THEME_COLORS, TIER_COLORS, themedFigure } from "./theme";

/** A tier's legend entry: its reader's name, capitalised ("Premium cloud model"). */
const TIER_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(TIER_NAMES).map(([tier, name]) => [tier, name.charAt(0).toUpperCase() + name.slice(1)]),
);

/** A tier's legend entry in the language. */
const tierLabel = (tier: string, lang: Lang) => (lang === DEFAULT_LANG ? TIER_LABELS[tier] : tierZh(tier)) as string;

/** A total over a bar: whole dollars in English (shown in the display currency later); in Chinese, ¥ and 万 already. */
const usdIn = (value: number, lang: Lang) => (lang === DEFAULT_LANG ? usd(value) : formatUsd(value, 0, lang));

const usd = (value: number) => `$${Math.round(value).toLocaleString("en-US")}`;

/**
 * A figure in another language is shown in the display currency here, with that language's symbol (`¥`, not
 * `CN¥`): a what-if panel's figure reaches the page's script as it is made. English is converted where it is shown.
 */
const inLang = (figure: Figure, lang: Lang): Figure => (lang === DEFAULT_LANG ? figure : figureInCurrency(figure, undefined, lang));

/** A stacked bar's total, written just above it. */
function totalLabel(text: string, x: string, y: number, color: string = THEME_COLORS.ink): Annotation {
  return { text, x, y, xref: "x", yref: "y", yanchor: "bottom", showarrow: false, font: { size: 13, color } };
}

/**
 * Figure 59.4a: monthly cost by tier, stacked, for pure cloud, hybrid as the chapter counts it (local calls
 * free) and hybrid with the local hardware paid for.
 */
export function tierCostStacked(
  estimate: SavingsEstimate,
  localHardware: { name: string; monthlyUsd: number },
  provenance: Provenance,
  lang: Lang = DEFAULT_LANG,
): Figure {
  const words = HYBRID_ROUTING_WORDS[lang];
  const bars = [words.barPureCloud, words.barHybridFree, words.barHybridPaid];
  const tiers = Object.keys(TIER_LABELS);
  const routed = (tier: string) => estimate.byTaskType.filter((row) => row.tier === tier).reduce((sum, row) => sum + row.monthlyUsd, 0);
  // Tiers that carry no cost in any bar (free local tiers) would only add empty legend entries.
  const traces: Trace[] = tiers
    .filter((tier) => routed(tier) > 0 || (tier === "cloud_premium" && estimate.pureCloudMonthly > 0))
    .map((tier) => ({
      type: "bar",
      name: tierLabel(tier, lang),
      x: bars,
      y: [tier === "cloud_premium" ? estimate.pureCloudMonthly : 0, routed(tier), routed(tier)],
      marker: { color: TIER_COLORS[tier] },
      hovertemplate: words.tierHover(tierLabel(tier, lang)),
    }));
  traces.push({
    type: "bar",
    name: words.localHardware(localHardware.name),
    x: bars,
    y: [0, 0, localHardware.monthlyUsd],
    // Local hardware in the local tiers' colour, hatched, as 59.5 draws its local servers: one colour per side on every page.
    // Overlay: the hatch is drawn over the bar's own colour (the default, "replace", draws it on nothing: white on white).
    marker: { color: LOCAL_COST_COLOR, pattern: { shape: "/", fillmode: "overlay", fgcolor: THEME_COLORS.paper, fgopacity: 0.6 } },
    hovertemplate: words.localHardwareHover,
  });
  const totals = [estimate.pureCloudMonthly, estimate.hybridMonthly, estimate.hybridMonthly + localHardware.monthlyUsd];
  const annotations: Annotation[] = totals.map((total, index) => totalLabel(usdIn(total, lang), bars[index] as string, total));
  const figure = themedFigure(traces, {
    number: "59.4a",
    title: words.tierCostTitle,
    provenance,
    xaxis: { title: words.strategyAxis, type: "category" },
    yaxis: { title: words.costAxis, tickformat: FORMAT.usd },
    annotations,
    layout: { barmode: "stack" },
    lang,
  });
  return inLang(figure, lang);
}

export interface ThresholdPoint {
  complexityThreshold: number;
  /** As the chapter counts it, local calls free. Percent. */
  savingsPercentage: number;
  /** With the local hardware paid for. Percent. */
  savingsAfterHardwarePercentage: number;
}

/** Figure 59.4b: savings against the complexity threshold, as the chapter counts them and with hardware paid. */
export function savingsVersusThreshold(
  points: readonly ThresholdPoint[],
  chapterThreshold: number,
  provenance: Provenance,
  lang: Lang = DEFAULT_LANG,
): Figure {
  const words = HYBRID_ROUTING_WORDS[lang];
  const x = points.map((point) => point.complexityThreshold);
  const traces: Trace[] = [
    {
      type: "scatter",
      mode: "lines+markers",
      name: words.savingsFree,
      x,
      y: points.map((point) => point.savingsPercentage),
      line: { color: LINE_COLORS[0], width: 2.5, shape: "hv" },
      hovertemplate: words.thresholdHover,
    },
    {
      type: "scatter",
      mode: "lines+markers",
      name: words.savingsPaid,
      x,
      y: points.map((point) => point.savingsAfterHardwarePercentage),
      line: { color: LINE_COLORS[1], width: 2.5, dash: "dot", shape: "hv" },
      hovertemplate: words.thresholdHover,
    },
  ];
  const atChapter = points.find((point) => Math.abs(point.complexityThreshold - chapterThreshold) < 1e-9);
  const endLabels = new Map([
    [traces[0]?.name, words.endFree],
    [traces[1]?.name, words.endPaid],
  ]);
  return themedFigure(traces, {
    endLabel: (trace) => endLabels.get(trace.name),
    number: "59.4b",
    title: words.thresholdTitle,
    provenance,
    lang,
    xaxis: { title: words.thresholdAxis, tickformat: ".2f" },
    // Whole percents with their sign on every tick: "80.0" alone read as dollars or calls.
    yaxis: { title: words.savedAxis, tickformat: FORMAT.percent, ticksuffix: "%" },
    annotations: atChapter
      ? [
          {
            text: words.chapterThreshold(String(chapterThreshold), atChapter.savingsPercentage.toFixed(1)),
            x: chapterThreshold,
            y: atChapter.savingsPercentage,
            xref: "x",
            yref: "y",
            showarrow: true,
            ax: 40,
            ay: -30,
          },
        ]
      : [],
  });
}

/** One bar of Figure 59.5: an option priced one way. */
interface OptionBar {
  label: string;
  localUsd: number;
  cloudUsd: number;
  totalUsd: number;
  compliant: boolean;
}

/** The bars of Figure 59.5: each option as the chapter prices it, then, where given, with the servers its volume needs. */
function optionBars(result: CaseStudyResult, sized: CaseStudyResult | undefined, lang: Lang): OptionBar[] {
  const words = CASE_STUDY_WORDS[lang];
  return result.options.flatMap((option, index) => {
    const name = words.barOption(option.option) ?? option.option;
    const sizedOption = sized?.options[index];
    if (!sizedOption || option.machines === 0) return [{ label: name, ...option }];
    return [
      { label: words.barOneServer(name), ...option },
      { label: words.barServersNeeded(name, sizedOption.machines), ...sizedOption },
    ];
  });
}

/**
 * Figure 59.5: the case study's options, local and cloud parts stacked, non-compliant options marked, the
 * budget drawn. With `sized`, each option with local servers appears twice: one server carrying any
 * volume, as the chapter counts, and the servers the volume needs (59.7).
 */
export function caseStudyOptions(
  result: CaseStudyResult,
  budgetUsdPerMonth: number,
  provenance: Provenance,
  sized?: CaseStudyResult,
  lang: Lang = DEFAULT_LANG,
): Figure {
  const words = CASE_STUDY_WORDS[lang];
  const bars = optionBars(result, sized, lang);
  const labels = bars.map((bar) => bar.label);
  const traces: Trace[] = [
    {
      type: "bar",
      name: words.localServer,
      x: labels,
      y: bars.map((bar) => bar.localUsd),
      marker: { color: LOCAL_COST_COLOR },
      hovertemplate: words.localHover,
    },
    {
      type: "bar",
      name: words.cloudApi,
      x: labels,
      y: bars.map((bar) => bar.cloudUsd),
      marker: { color: TIER_COLORS.cloud_economy },
      hovertemplate: words.cloudHover,
    },
  ];
  const annotations: Annotation[] = bars.map((bar, index) =>
    totalLabel(
      `${usdIn(bar.totalUsd, lang)}${bar.compliant ? "" : words.notCompliantMark}`,
      labels[index] as string,
      bar.totalUsd,
      bar.compliant ? THEME_COLORS.ink : THEME_COLORS.warning,
    ),
  );
  const top = Math.max(...bars.map((bar) => bar.totalUsd)) * 1.35;
  const budgetVisible = budgetUsdPerMonth <= top * 1.5;
  const figure = themedFigure(traces, {
    number: "59.5a",
    title: words.figureTitle,
    provenance,
    lang,
    xaxis: { title: words.optionAxis, type: "category" },
    yaxis: {
      title: words.costAxis,
      tickformat: FORMAT.usd,
      range: [0, budgetVisible ? Math.max(top, budgetUsdPerMonth * 1.1) : top],
    },
    annotations: [
      ...annotations,
      ...(budgetVisible
        ? []
        : [
            {
              text: words.budgetAbove(usdIn(budgetUsdPerMonth, lang)),
              x: 1,
              xref: "paper",
              xanchor: "right",
              y: 1,
              yref: "paper",
              yanchor: "top",
              showarrow: false,
              font: { size: 12, color: THEME_COLORS.warning },
            },
          ]),
      ...(budgetVisible
        ? [
            {
              text: words.budgetLine(usdIn(budgetUsdPerMonth, lang)),
              x: 1,
              xref: "paper",
              xanchor: "right",
              y: budgetUsdPerMonth,
              yref: "y",
              yanchor: "bottom",
              showarrow: false,
              font: { size: 12, color: THEME_COLORS.warning },
            },
          ]
        : []),
    ],
    layout: {
      barmode: "stack",
      shapes: budgetVisible
        ? [
            {
              type: "line",
              xref: "paper",
              x0: 0,
              x1: 1,
              yref: "y",
              y0: budgetUsdPerMonth,
              y1: budgetUsdPerMonth,
              line: { color: THEME_COLORS.warning, dash: "dash", width: 1.5 },
            },
          ]
        : [],
    },
  });
  return inLang(figure, lang);
}
