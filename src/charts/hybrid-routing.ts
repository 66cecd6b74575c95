/** 59.4–59.5: routing tasks between tiers, and the case study's options. */
import { TIER_NAMES, type CaseStudyResult, type SavingsEstimate } from "../model";
import type { Annotation, Figure, Provenance, Trace } from "./figure";
import { FORMAT, LINE_COLORS, LOCAL_COST_COLOR, THEME_COLORS, TIER_COLORS, themedFigure } from "./theme";

/** A tier's legend entry: its reader's name, capitalised ("Premium cloud model"). */
const TIER_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(TIER_NAMES).map(([tier, name]) => [tier, name.charAt(0).toUpperCase() + name.slice(1)]),
);

const usd = (value: number) => `$${Math.round(value).toLocaleString("en-US")}`;

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
): Figure {
  const bars = ["Pure cloud", "Hybrid (local calls free)", "Hybrid + local hardware"];
  const tiers = Object.keys(TIER_LABELS);
  const routed = (tier: string) => estimate.byTaskType.filter((row) => row.tier === tier).reduce((sum, row) => sum + row.monthlyUsd, 0);
  // Tiers that carry no cost in any bar (free local tiers) would only add empty legend entries.
  const traces: Trace[] = tiers
    .filter((tier) => routed(tier) > 0 || (tier === "cloud_premium" && estimate.pureCloudMonthly > 0))
    .map((tier) => ({
      type: "bar",
      name: TIER_LABELS[tier],
      x: bars,
      y: [tier === "cloud_premium" ? estimate.pureCloudMonthly : 0, routed(tier), routed(tier)],
      marker: { color: TIER_COLORS[tier] },
      hovertemplate: `${TIER_LABELS[tier]}: %{y:$,.0f}<extra></extra>`,
    }));
  traces.push({
    type: "bar",
    name: `Local hardware (${localHardware.name})`,
    x: bars,
    y: [0, 0, localHardware.monthlyUsd],
    // Local hardware in the local tiers' colour, hatched, as 59.5 draws its local servers: one colour per side on every page.
    // Overlay: the hatch is drawn over the bar's own colour (the default, "replace", draws it on nothing: white on white).
    marker: { color: LOCAL_COST_COLOR, pattern: { shape: "/", fillmode: "overlay", fgcolor: THEME_COLORS.paper, fgopacity: 0.6 } },
    hovertemplate: "Local hardware: %{y:$,.0f}<extra></extra>",
  });
  const totals = [estimate.pureCloudMonthly, estimate.hybridMonthly, estimate.hybridMonthly + localHardware.monthlyUsd];
  const annotations: Annotation[] = totals.map((total, index) => totalLabel(usd(total), bars[index] as string, total));
  return themedFigure(traces, {
    number: "59.4a",
    title: "Monthly cost by tier: pure cloud against hybrid routing",
    provenance,
    xaxis: { title: "Strategy", type: "category" },
    yaxis: { title: "Cost per month (USD)", tickformat: FORMAT.usd },
    annotations,
    layout: { barmode: "stack" },
  });
}

export interface ThresholdPoint {
  complexityThreshold: number;
  /** As the chapter counts it, local calls free. Percent. */
  savingsPercentage: number;
  /** With the local hardware paid for. Percent. */
  savingsAfterHardwarePercentage: number;
}

/** Figure 59.4b: savings against the complexity threshold, as the chapter counts them and with hardware paid. */
export function savingsVersusThreshold(points: readonly ThresholdPoint[], chapterThreshold: number, provenance: Provenance): Figure {
  const x = points.map((point) => point.complexityThreshold);
  const traces: Trace[] = [
    {
      type: "scatter",
      mode: "lines+markers",
      name: "Savings, local calls free (the chapter's count)",
      x,
      y: points.map((point) => point.savingsPercentage),
      line: { color: LINE_COLORS[0], width: 2.5, shape: "hv" },
      hovertemplate: "threshold %{x:.2f}: %{y:.1f}% saved<extra></extra>",
    },
    {
      type: "scatter",
      mode: "lines+markers",
      name: "Savings with local hardware paid",
      x,
      y: points.map((point) => point.savingsAfterHardwarePercentage),
      line: { color: LINE_COLORS[1], width: 2.5, dash: "dot", shape: "hv" },
      hovertemplate: "threshold %{x:.2f}: %{y:.1f}% saved<extra></extra>",
    },
  ];
  const atChapter = points.find((point) => Math.abs(point.complexityThreshold - chapterThreshold) < 1e-9);
  const endLabels = new Map([
    [traces[0]?.name, "local calls free"],
    [traces[1]?.name, "hardware paid"],
  ]);
  return themedFigure(traces, {
    endLabel: (trace) => endLabels.get(trace.name),
    number: "59.4b",
    title: "Savings against the complexity threshold",
    provenance,
    xaxis: { title: "Complexity threshold for the premium tier (score, 0 to 1)", tickformat: ".2f" },
    // Whole percents with their sign on every tick: "80.0" alone read as dollars or calls.
    yaxis: { title: "Saved against pure cloud (%)", tickformat: FORMAT.percent, ticksuffix: "%" },
    annotations: atChapter
      ? [
          {
            text: `chapter's threshold ${chapterThreshold}: ${atChapter.savingsPercentage.toFixed(1)}% saved`,
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

const OPTION_LABELS: Record<string, string> = { all_cloud: "All cloud", all_local: "All local", hybrid: "Hybrid" };

/** One bar of Figure 59.5: an option priced one way. */
interface OptionBar {
  label: string;
  localUsd: number;
  cloudUsd: number;
  totalUsd: number;
  compliant: boolean;
}

/** The bars of Figure 59.5: each option as the chapter prices it, then, where given, with the servers its volume needs. */
function optionBars(result: CaseStudyResult, sized: CaseStudyResult | undefined): OptionBar[] {
  return result.options.flatMap((option, index) => {
    const name = OPTION_LABELS[option.option] ?? option.option;
    const sizedOption = sized?.options[index];
    if (!sizedOption || option.machines === 0) return [{ label: name, ...option }];
    return [
      { label: `${name}<br>1 server (chapter)`, ...option },
      { label: `${name}<br>${sizedOption.machines} servers needed`, ...sizedOption },
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
): Figure {
  const bars = optionBars(result, sized);
  const labels = bars.map((bar) => bar.label);
  const traces: Trace[] = [
    {
      type: "bar",
      name: "Local server",
      x: labels,
      y: bars.map((bar) => bar.localUsd),
      marker: { color: LOCAL_COST_COLOR },
      hovertemplate: "Local: %{y:$,.2f}<extra></extra>",
    },
    {
      type: "bar",
      name: "Cloud API",
      x: labels,
      y: bars.map((bar) => bar.cloudUsd),
      marker: { color: TIER_COLORS.cloud_economy },
      hovertemplate: "Cloud: %{y:$,.2f}<extra></extra>",
    },
  ];
  const annotations: Annotation[] = bars.map((bar, index) =>
    totalLabel(
      `${usd(bar.totalUsd)}${bar.compliant ? "" : "<br><b>not</b><br><b>compliant</b>"}`,
      labels[index] as string,
      bar.totalUsd,
      bar.compliant ? THEME_COLORS.ink : THEME_COLORS.warning,
    ),
  );
  const top = Math.max(...bars.map((bar) => bar.totalUsd)) * 1.35;
  const budgetVisible = budgetUsdPerMonth <= top * 1.5;
  return themedFigure(traces, {
    number: "59.5a",
    title: "Case study: monthly cost of each option",
    provenance,
    xaxis: { title: "Option", type: "category" },
    yaxis: {
      title: "Cost per month (USD)",
      tickformat: FORMAT.usd,
      range: [0, budgetVisible ? Math.max(top, budgetUsdPerMonth * 1.1) : top],
    },
    annotations: [
      ...annotations,
      ...(budgetVisible
        ? []
        : [
            {
              text: `budget ${usd(budgetUsdPerMonth)}: above the scale`,
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
              text: `budget ${usd(budgetUsdPerMonth)}`,
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
}
