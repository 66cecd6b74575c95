/**
 * The decision page: one workload's every option in one table and one figure, the bottom line in one sentence and
 * what would change it. Every verdict, tier and compliance value here is computed by `decide()`.
 */
import { decisionChart, WAY, type Figure } from "../charts";
import { optionName, verdictText, type VerdictOption } from "../panels/decision";
import type { Dataset, WorkloadRow } from "../data";
import { formatLeastCalls, formatMoney } from "../format";
import { fromUsd } from "../model";
import { caseStudyFromData, caseStudyRow } from "./case-study";
import type { DatedCurrency } from "./currency";
import {
  decide,
  HYBRID_LOCAL_SHARE_OF_TODAY,
  type DecideOptions,
  type Decision,
  type DecisionOption,
  type FlipInput,
  type HybridSplit,
} from "./decide";
import { routerSplit } from "./hybrid-routing";
import { provenance } from "./figure-context";
import { latencyTargetText } from "./latency";
import { qualityMatchText, qualityText, scoreText } from "./quality";
import { workloadById } from "./workload";

/** The option as a reader names it (defined beside the bottom line's words, which the page's what-if shares). */
export { optionName };

export interface DecisionPageOptions {
  workloadId?: string;
  /** The API the workload runs on today where the workload names none. */
  currentModelId?: string;
  /** The case study (case_study.csv) whose allowed_regions apply where the workload states none; empty: no rule. */
  scenarioId?: string;
  targetUtilisation?: number;
  samples?: number;
}

/** What `decide` is told for the page: the workload's own current API (else the one given), its own regions and country (else the case study's). */
export function pageDecideOptions(data: Dataset, options: DecisionPageOptions = {}): DecideOptions {
  const workload = workloadById(data, options.workloadId);
  const scenario = options.scenarioId ? caseStudyRow(data, options.scenarioId) : undefined;
  return {
    workloadId: workload.workloadId,
    currentModelId: workload.currentModelId ?? options.currentModelId,
    allowedRegions: workload.allowedRegions ?? scenario?.allowedRegions,
    country: workload.country ?? scenario?.country,
    targetUtilisation: options.targetUtilisation,
    samples: options.samples,
    hybrid: routerSplit(data, workload),
  };
}

/** The decision for the page: the workload's own current API (else the one given), its own regions and country (else the case study's). */
export function pageDecision(data: Dataset, options: DecisionPageOptions = {}): Decision {
  return decide(data, pageDecideOptions(data, options));
}

/** Where the page's figures of the decision come from. */
export const decisionProvenance = (data: Dataset) =>
  provenance(data, ["models.csv", "hardware.csv", "gpu_rentals.csv", "throughput.csv", "benchmarks.csv", "uncertainty_ranges.csv"]);

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

/** An option as the bottom line and the figure take it: its quality against today's in words. */
export function verdictOption(option: DecisionOption): VerdictOption {
  return { ...option, qualityText: qualityMatchText(option.qualityVsToday), qualityKind: option.qualityVsToday.kind };
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
  const or = (option: DecisionOption | undefined) => (option === undefined ? undefined : verdictOption(option));
  return verdictText(
    {
      winner: or(decision.winner),
      current: verdictOption(decision.current),
      cheaperAtLowerQuality: or(decision.cheaperAtLowerQuality),
      winnerBeatsFromCallsPerDay: decision.winner?.beatsCurrentFromCallsPerDay ?? 0,
      todayScore: decision.todayQuality.score === undefined ? undefined : scoreText(decision.todayQuality),
      ruled: decision.allowedRegions !== undefined,
      country: decision.country,
      unit: decision.volume.unit,
    },
    currency,
  );
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

/** Every option's month as a bar with its P5–P95, cheapest at the top; options that fail a rule are drawn pale. */
export function decisionFigure(data: Dataset, decision: Decision, currency: DatedCurrency): Figure {
  return decisionChart(decision.options.map(verdictOption), {
    currency,
    provenance: decisionProvenance(data),
  });
}
