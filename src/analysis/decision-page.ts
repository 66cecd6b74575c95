/**
 * The decision page: one workload's every option in one table and one figure, the bottom line in one sentence and
 * what would change it. Every verdict, tier and compliance value here is computed by `decide()`.
 */
import { themedFigure, type Figure, type Trace } from "../charts";
import type { Dataset, WorkloadRow } from "../data";
import { formatLeastCalls, formatMoney } from "../format";
import { fromUsd } from "../model";
import { caseStudyFromData, caseStudyRow } from "./case-study";
import type { DatedCurrency } from "./currency";
import { decide, HYBRID_LOCAL_SHARE_OF_TODAY, type Decision, type DecisionOption, type FlipInput, type HybridSplit } from "./decide";
import { routerSplit } from "./hybrid-routing";
import { provenance } from "./figure-context";
import { latencyTargetText } from "./latency";
import { qualityMatchText, qualityText, scoreText } from "./quality";
import { workloadById } from "./workload";

export interface DecisionPageOptions {
  workloadId?: string;
  /** The API the workload runs on today where the workload names none. */
  currentModelId?: string;
  /** The case study (case_study.csv) whose allowed_regions apply where the workload states none; empty: no rule. */
  scenarioId?: string;
  targetUtilisation?: number;
  samples?: number;
}

/** The decision for the page: the workload's own current API (else the one given), its own regions and country (else the case study's). */
export function pageDecision(data: Dataset, options: DecisionPageOptions = {}): Decision {
  const workload = workloadById(data, options.workloadId);
  const scenario = options.scenarioId ? caseStudyRow(data, options.scenarioId) : undefined;
  return decide(data, {
    workloadId: workload.workloadId,
    currentModelId: workload.currentModelId ?? options.currentModelId,
    allowedRegions: workload.allowedRegions ?? scenario?.allowedRegions,
    country: workload.country ?? scenario?.country,
    targetUtilisation: options.targetUtilisation,
    samples: options.samples,
    hybrid: routerSplit(data, workload),
  });
}

/**
 * The case study (case_study.csv) as a workload: the default workload's call, the scenario's month of calls on its
 * days (alike days shaped by its traffic profile), its allowed regions, and its cloud tier's model as today's API.
 */
export function caseStudyWorkload(data: Dataset, scenarioId?: string): WorkloadRow {
  const row = caseStudyRow(data, scenarioId);
  const base = workloadById(data);
  const days = row.weekdayDaysPerMonth + row.weekendDaysPerMonth;
  const cloud = caseStudyFromData(data, row.scenarioId).inputs.cloud.id;
  return {
    ...base,
    workloadId: `case-${row.scenarioId}`,
    callsPerDay: (row.weekdayCallsPerDay * row.weekdayDaysPerMonth + row.weekendCallsPerDay * row.weekendDaysPerMonth) / days,
    daysPerMonth: days,
    weekdayCallsPerDay: undefined,
    weekendCallsPerDay: undefined,
    weekdayProfileId: row.trafficProfileId,
    weekendProfileId: undefined,
    allowedRegions: row.allowedRegions,
    country: row.country ?? base.country,
    currentModelId: data.models.some((model) => model.modelId === cloud) ? cloud : base.currentModelId,
    source: `the case study ${row.scenarioId} (case_study.csv) at the default workload's call`,
  };
}

/** The case study decided over every model, server and rental under its residency rule, by `decide()`. */
export function caseStudyDecision(data: Dataset, scenarioId?: string, samples = 0, targetUtilisation?: number): Decision {
  const workload = caseStudyWorkload(data, scenarioId);
  return decide(
    { ...data, workloads: [workload, ...data.workloads] },
    { workloadId: workload.workloadId, samples, targetUtilisation, hybrid: caseStudySplit(data, scenarioId) },
  );
}

/** The case study's hybrid: its sensitive tasks on its own servers, the rest on the cloud; undefined where none or all are sensitive. */
export function caseStudySplit(data: Dataset, scenarioId?: string): HybridSplit | undefined {
  const row = caseStudyRow(data, scenarioId);
  const mix = data.taskMix.filter((task) => task.mixId === row.mixId);
  const total = mix.reduce((sum, task) => sum + task.share, 0);
  const localShare = total > 0 ? mix.filter((task) => task.sensitive).reduce((sum, task) => sum + task.share, 0) / total : 0;
  if (!(localShare > 0 && localShare < 1)) return undefined;
  return { localShare, basis: `the case study's sensitive tasks (task_mix.csv ${row.mixId}) kept local` };
}

/** Where a rule came from, for the page's inputs line. */
export function ruleText(decision: Decision): string {
  const regions =
    decision.allowedRegions === undefined
      ? "no residency rule"
      : `data may be processed in ${decision.allowedRegions.map((region) => (region === "on_premises" ? "own servers" : region.toUpperCase())).join(" or ")}`;
  const latency = latencyTargetText(decision.workload) ?? "no latency target";
  const country =
    decision.country === undefined
      ? ""
      : `; the team in ${decision.country}, so an API whose provider does not serve ${decision.country} is no option`;
  return `${regions}${country}; ${latency}; servers sized for the busiest hour at ${Math.round(decision.targetUtilisation * 100)}% of measured throughput`;
}

const WAY: Record<DecisionOption["kind"], string> = {
  api: "call",
  buy: "buy",
  "rent-always-on": "rent, always on",
  "rent-by-hour": "rent, by the hour",
  hybrid: "hybrid",
};

/** The option as a reader names it: an API by its model, a server with the model it serves. */
export function optionName(option: DecisionOption): string {
  // A hybrid's label already names both its models.
  return option.kind === "api" || option.kind === "hybrid" ? option.label : `${option.label} (${option.modelName})`;
}

function beatsText(option: DecisionOption, decision: Decision): string {
  if (option.id === decision.current.id) return "today's";
  if (option.beatsCurrentFromCallsPerDay === 0) return "any volume";
  if (option.beatsCurrentFromCallsPerDay === Infinity) return "never";
  return formatLeastCalls(option.beatsCurrentFromCallsPerDay);
}

function latencyText(option: DecisionOption): string {
  if (option.latency === "not in the data") return "not in the data";
  const load = option.concurrency === undefined ? "max. load" : `${option.concurrency} at once`;
  return `${option.latency} (${option.precision ?? "precision not stated"}, ${load})`;
}

/** "compliant (CN)", "no rule (US); not offered in CN": the region against the rule, and the provider against the country. */
export function complianceText(option: DecisionOption, decision: Decision): string {
  return `${option.compliance} (${option.region})${countryNote(option, decision)}`;
}

/** "; not offered in CN" where the option's provider does not serve the workload's country, else "". */
export const countryNote = (option: DecisionOption, decision: Decision): string =>
  option.servesCountry === "no" ? `; not offered in ${decision.country}` : "";

/** One row per option, money in the chosen currency, for the page's table. */
export function decisionRows(decision: Decision, currency: DatedCurrency): Record<string, string>[] {
  const money = (usd: number | undefined, digits = 2) =>
    usd === undefined ? "" : formatMoney(fromUsd(usd, currency), currency.code, digits);
  const byId = new Map(decision.options.map((option) => [option.id, option]));
  return decision.options.map((option) => {
    const same = option.sameModelApiId === undefined ? undefined : byId.get(option.sameModelApiId);
    return {
      option: optionName(option),
      month: money(option.usdPerMonth, 0),
      call: money(option.usdPerCall, 5),
      servers: option.servers === undefined ? "" : String(option.servers),
      beats: beatsText(option, decision),
      range: option.usdPerMonthP5 === undefined ? "" : `${money(option.usdPerMonthP5, 0)}–${money(option.usdPerMonthP95, 0)}`,
      sameModel: same === undefined ? "" : `${money(same.usdPerCall, 5)} a call`,
      compliance: complianceText(option, decision),
      way: WAY[option.kind],
      quality: qualityText(option.quality),
      vsToday: qualityMatchText(option.qualityVsToday),
      latency: latencyText(option),
    };
  });
}

/**
 * The options a reader weighs, one line each: today's, the answer, a cheaper one at lower or unshown quality, and
 * the cheapest of each way (call, buy, rent, hybrid) that passes the workload's rules (residency, country, latency), cheapest first.
 */
export function shortList(decision: Decision): DecisionOption[] {
  // decide()'s own verdict: the page does not restate the rules (and so cannot forget one, as the country).
  const passing = decision.options.filter((option) => option.passesRules);
  const picks = [
    decision.current,
    decision.winner,
    decision.cheaperAtLowerQuality,
    ...(Object.keys(WAY) as DecisionOption["kind"][]).map((kind) => passing.find((option) => option.kind === kind)),
  ];
  const ids = new Set(picks.flatMap((option) => (option ? [option.id] : [])));
  return decision.options.filter((option) => ids.has(option.id));
}

/** How the page's hybrids split the calls and when one counts at today's quality, in one sentence. */
export function hybridRule(decision: Decision): string {
  const split = decision.hybrid;
  if (split === undefined)
    return `no hybrid is priced: the router (routing_config.csv) sends none of this workload's calls, at ${decision.workload.inputTokensPerCall.toLocaleString("en-US")} input tokens each, to a local model, or the data has no router.`;
  return (
    `${+(split.localShare * 100).toFixed(1)}% of the calls (${split.basis}) on a server, the rest on today's API, each part priced at its own volume; ` +
    `the cheapest hybrid of each way is listed. A hybrid keeps today's model for the harder calls, so it counts at today's quality when its local model scores at least ${Math.round(HYBRID_LOCAL_SHARE_OF_TODAY * 100)}% of today's on a benchmark scoring both.`
  );
}

/** Why an option is on the short list beyond being the cheapest of its way: "today; the answer", or "" for none. */
export function shortListRole(option: DecisionOption, decision: Decision): string {
  return [
    option.id === decision.current.id ? "today" : undefined,
    option.id === decision.winner?.id ? "the answer" : undefined,
    option.id === decision.cheaperAtLowerQuality?.id ? "cheapest, not like for like" : undefined,
  ]
    .filter(Boolean)
    .join("; ");
}

/** The bottom line in one sentence, every part computed; then, where there is one, the cheaper option at lower or unshown quality. */
export function bottomLine(decision: Decision, currency: DatedCurrency): string {
  const money = (usd: number, digits = 2) => formatMoney(fromUsd(usd, currency), currency.code, digits);
  const winner = decision.winner;
  const rule = decision.allowedRegions === undefined ? "" : " compliant";
  const current = decision.current;
  const todayScore = decision.todayQuality.score === undefined ? "" : ` (${scoreText(decision.todayQuality)})`;
  const floor = decision.todayQuality.score === undefined ? "" : ` at today's quality or better`;
  const lower = decision.cheaperAtLowerQuality;
  const lowerQuality =
    lower === undefined
      ? ""
      : lower.qualityVsToday.kind === "no shared score"
        ? "which no benchmark in the data scores beside today's model"
        : `quality ${qualityMatchText(lower.qualityVsToday)}`;
  const lowerText =
    lower === undefined
      ? ""
      : ` Cheaper still, but not like for like: **${optionName(lower)}** at ${money(lower.usdPerMonth)} a month, ${lowerQuality}.`;
  if (winner === undefined) {
    const todayFails =
      current.compliance === "not compliant" || current.servesCountry === "no"
        ? `today's ${current.label}${todayScore} is ${[current.compliance === "not compliant" ? "not compliant with the rule" : undefined, current.servesCountry === "no" ? `not offered in ${decision.country}` : undefined].filter(Boolean).join(" and ")}, and `
        : "";
    const intro = `No${rule} option is shown to be at today's quality: ${todayFails}no${rule} option scores at least as well on a benchmark scoring both.`;
    if (lower === undefined) return `${intro} None passes the workload's rules.`;
    return `${intro} The cheapest${rule} option is **${optionName(lower)}** at **${money(lower.usdPerMonth)} a month**, ${money(Math.abs(current.usdPerMonth - lower.usdPerMonth))} a month ${lower.usdPerMonth <= current.usdPerMonth ? "less" : "more"} than today's, ${lowerQuality}: try it on the workload's own tasks before switching.`;
  }
  if (winner.id === current.id) {
    return `No${rule} option${floor} costs less than today's **${current.label}**${todayScore}: keep it, at **${money(current.usdPerMonth)} a month**, ${money(current.usdPerCall, 5)} a call.${lowerText}`;
  }
  const compare =
    `, ${money(Math.abs(current.usdPerMonth - winner.usdPerMonth))} a month ${winner.usdPerMonth <= current.usdPerMonth ? "less" : "more"} than today's ${current.label}` +
    `${current.compliance === "not compliant" ? ` (${current.compliance} with the rule)` : ""}` +
    (winner.beatsCurrentFromCallsPerDay > 0 && Number.isFinite(winner.beatsCurrentFromCallsPerDay)
      ? `, cheaper from ${formatLeastCalls(winner.beatsCurrentFromCallsPerDay)} ${decision.volume.unit}`
      : "");
  const latency = winner.kind === "api" ? "" : `, latency ${winner.latency}`;
  return `The cheapest${rule} option${floor} is **${optionName(winner)}** (quality ${qualityMatchText(winner.qualityVsToday)}${latency}) at **${money(winner.usdPerMonth)} a month**, ${money(winner.usdPerCall, 5)} a call${compare}.${lowerText}`;
}

const FLIP_WORDS: Record<FlipInput, string> = {
  "API prices": "every API price",
  volume: "the volume",
  utilisation: "the planned utilisation",
  salary: "the operations salary",
};

/** What would change the bottom line: the nearest flip, then the others. */
export function flipText(decision: Decision): string {
  if (decision.winner === undefined) return "";
  if (decision.options.filter((option) => option.eligible).length < 2)
    return `No other option is shown at today's quality within the workload's rules, so no price or volume changes the answer: only a benchmark score showing another model at today's quality, or a looser rule, would.`;
  if (decision.flips.length === 0)
    return `No single input of API prices, volume, utilisation or salary changes the winner between a tenth and ten times its value.`;
  const move = (factor: number) =>
    factor >= 1 ? `rose by ${Math.round((factor - 1) * 100)}%` : `fell by ${Math.round((1 - factor) * 100)}%`;
  const [nearest, ...others] = decision.flips;
  const first = nearest as NonNullable<typeof nearest>;
  const rest = others.map((flip) => `${FLIP_WORDS[flip.input]} ${move(flip.factor)} (${optionName(flip.newWinner)})`);
  return `It would change if ${FLIP_WORDS[first.input]} ${move(first.factor)} (×${first.factor.toFixed(2)}): then **${optionName(first.newWinner)}** wins.${rest.length > 0 ? ` Further off: ${rest.join("; ")}.` : ""}`;
}

const KIND_COLORS: Record<DecisionOption["kind"], string> = {
  api: "#332288",
  buy: "#E69F00",
  "rent-always-on": "#56B4E9",
  "rent-by-hour": "#009E73",
  hybrid: "#CC79A7",
};

/** Pixels for a figure of this many bars: 12 a bar (a 10 px label each), room for the title, axis and legend, never under 420. */
const figureHeight = (bars: number): number => Math.max(420, 12 * bars + 170);

/** A hybrid's bar label: its server and today's API, without the split the page states once. */
const baseLabel = (option: DecisionOption): string =>
  option.kind === "hybrid" ? option.label.replace(/ for [\d.]+% of calls \([^)]*\), (.*) for the rest$/, " + $1") : option.label;

/** Bar labels, one per option: two options with one name (a server measured two ways) add the model each serves. */
function figureLabels(options: readonly DecisionOption[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const option of options) counts.set(baseLabel(option), (counts.get(baseLabel(option)) ?? 0) + 1);
  const labels = new Map(
    options.map((option) => [
      option.id,
      (counts.get(baseLabel(option)) ?? 0) > 1 ? `${baseLabel(option)} (${option.modelName})` : baseLabel(option),
    ]),
  );
  // Still alike (the same model measured two ways): the id tells them apart.
  const seen = new Map<string, number>();
  for (const label of labels.values()) seen.set(label, (seen.get(label) ?? 0) + 1);
  return new Map(
    [...labels].map(([id, label]) => [id, (seen.get(label) ?? 0) > 1 ? `${label} [${id.split(":").slice(2).join(":")}]` : label]),
  );
}

/** Every option's month as a bar with its P5–P95, cheapest at the top; options that fail a rule are drawn pale. */
export function decisionFigure(data: Dataset, decision: Decision, currency: DatedCurrency): Figure {
  const rows = [...decision.options].reverse();
  const labels = figureLabels(rows);
  const figureLabel = (option: DecisionOption) => labels.get(option.id) as string;
  const value = (usd: number) => fromUsd(usd, currency);
  const traces: Trace[] = (["api", "buy", "rent-by-hour", "rent-always-on", "hybrid"] as const).map((kind) => {
    const mine = rows.filter((option) => option.kind === kind);
    return {
      type: "bar",
      orientation: "h",
      name: WAY[kind],
      y: mine.map(figureLabel),
      x: mine.map((option) => value(option.usdPerMonth)),
      marker: { color: KIND_COLORS[kind], opacity: mine.map((option) => (option.eligible ? 1 : 0.3)) },
      error_x: {
        type: "data",
        symmetric: false,
        array: mine.map((option) => (option.usdPerMonthP95 === undefined ? 0 : value(option.usdPerMonthP95 - option.usdPerMonth))),
        arrayminus: mine.map((option) => (option.usdPerMonthP5 === undefined ? 0 : value(option.usdPerMonth - option.usdPerMonthP5))),
        color: "#444",
        thickness: 1,
      },
      customdata: mine.map((option) => [option.modelName, option.compliance, qualityMatchText(option.qualityVsToday)]),
      hovertemplate: `%{y}<br>serves %{customdata[0]}<br>%{x:,.0f} ${currency.code} a month<br>%{customdata[1]}; quality %{customdata[2]}<extra></extra>`,
    };
  });
  const figure = themedFigure(traces, {
    number: "D1",
    title: `Every option for ${decision.workload.workloadId}, ${currency.code} a month (pale: fails residency, quality or latency; whiskers: P5–P95)`,
    provenance: provenance(data, [
      "models.csv",
      "hardware.csv",
      "gpu_rentals.csv",
      "throughput.csv",
      "benchmarks.csv",
      "uncertainty_ranges.csv",
    ]),
    xaxis: { title: `${currency.code} a month`, type: "log" },
    yaxis: { title: "", type: "category" },
    // The legend sits just under the axis title, however many bars there are.
    layout: {
      barmode: "overlay",
      height: figureHeight(rows.length),
      legend: { orientation: "h", x: 0, y: -60 / figureHeight(rows.length), yanchor: "top" },
    },
  });
  // One tick a decade: a log axis's in-between labels (2, 5) come out too small to read on a phone.
  // Plotly orders categories as the traces first name them (by kind): set the order by cost, cheapest at the top,
  // and label every bar (left alone, it drops labels it finds crowded).
  const yaxis = {
    ...(figure.layout.yaxis as Record<string, unknown>),
    categoryorder: "array",
    categoryarray: rows.map((option) => labels.get(option.id) as string),
    tickmode: "linear",
    dtick: 1,
    tickfont: { size: 10 },
  };
  return { ...figure, layout: { ...figure.layout, xaxis: { ...(figure.layout.xaxis as Record<string, unknown>), dtick: 1 }, yaxis } };
}
