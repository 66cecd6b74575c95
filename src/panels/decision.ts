/**
 * The decision page's what-if panel (00-decision): the same decision at the reader's volume, every option re-priced
 * and the servers re-sized. The spec carries each option's cost as plain data (an API's price sheet and call, a
 * fleet's capacity and cost, a rental's offer) and what does not move with volume (its rules, quality and latency);
 * the evaluation prices them with the model's `optionMonth`, as `decide` does, and states the bottom line with the
 * same words as the page (`verdictText`, which the notebook's `bottomLine` also uses).
 */
import { decisionChart, type DecisionBar, type OptionWay } from "../charts/decision";
import type { Figure, Provenance } from "../charts/figure";
import { renumberFigure } from "../charts/theme";
import { countOf, formatInteger, formatLeastCalls, formatMoney } from "../format";
import {
  busiestHourCalls,
  callsPerMonth,
  byMonthlyCost,
  firstVolumeCheaper,
  fromUsd,
  optionMonth,
  scaleCalendar,
  serverBandEdges,
  type DisplayCurrency,
  type OptionCost,
  type OptionMonth,
  type WorkloadCalendar,
} from "../model";
import { InputError } from "../errors";
import type { PanelDefinition } from "./definition";
import { BREAK_EVEN_PANEL_RANGES } from "./break-even";
import { checkRanges, type PanelRanges } from "./ranges";

/** An option as the bottom line speaks of it: what it is, its month and call (USD), and how it stands against the rules. */
export interface VerdictOption extends DecisionBar {
  usdPerCall: number;
  /** Servers a self-hosted option runs at its busiest; undefined for an API. */
  servers: number | undefined;
  compliance: "compliant" | "not compliant" | "no rule";
  servesCountry: "yes" | "no" | "not stated" | undefined;
  /** How its quality compares with today's, as a kind ("no shared score", "same model"…). */
  qualityKind: string;
  /** Measured latency against the workload's target, or "not in the data". */
  latency: string;
  passesRules: boolean;
}

/** What the bottom line says: the answer, today's option, and a cheaper one at lower or unshown quality. */
export interface Verdict {
  winner: VerdictOption | undefined;
  current: VerdictOption;
  cheaperAtLowerQuality: VerdictOption | undefined;
  /** The volume (its unit) from which the winner costs less than today's option. */
  winnerBeatsFromCallsPerDay: number;
  /** Today's model's score in words; undefined: it has none, so quality is not compared. */
  todayScore: string | undefined;
  /** Whether a residency rule applies. */
  ruled: boolean;
  country: string | undefined;
  /** The volume's unit: "calls a day" or "calls a weekday". */
  unit: string;
}

/** The option as a reader names it: an API by its model, a server with the model it serves. */
export function optionName(option: Pick<VerdictOption, "kind" | "label" | "modelName">): string {
  // A hybrid's label already names both its models.
  return option.kind === "api" || option.kind === "hybrid" ? option.label : `${option.label} (${option.modelName})`;
}

/** The bottom line in one sentence, every part computed; then, where there is one, the cheaper option at lower or unshown quality. */
export function verdictText(verdict: Verdict, currency: DisplayCurrency): string {
  const money = (usd: number, digits = 2) => formatMoney(fromUsd(usd, currency), currency.code, digits);
  const { winner, current, country } = verdict;
  const rule = verdict.ruled ? " compliant" : "";
  const todayScore = verdict.todayScore === undefined ? "" : ` (${verdict.todayScore})`;
  const floor = verdict.todayScore === undefined ? "" : ` at today's quality or better`;
  const lower = verdict.cheaperAtLowerQuality;
  const lowerQuality =
    lower === undefined
      ? ""
      : lower.qualityKind === "no shared score"
        ? "which no benchmark in the data scores beside today's model"
        : `quality ${lower.qualityText}`;
  const lowerText =
    lower === undefined
      ? ""
      : ` Cheaper still, but not like for like: **${optionName(lower)}** at ${money(lower.usdPerMonth)} a month, ${lowerQuality}.`;
  if (winner === undefined) {
    const todayFails =
      current.compliance === "not compliant" || current.servesCountry === "no"
        ? `today's ${current.label}${todayScore} is ${[current.compliance === "not compliant" ? "not compliant with the rule" : undefined, current.servesCountry === "no" ? `not offered in ${country}` : undefined].filter(Boolean).join(" and ")}, and `
        : "";
    const intro = `No${rule} option is shown to be at today's quality: ${todayFails}no${rule} option scores at least as well on a benchmark scoring both.`;
    if (lower === undefined) return `${intro} None passes the workload's rules.`;
    return `${intro} The cheapest${rule} option is **${optionName(lower)}** at **${money(lower.usdPerMonth)} a month**, ${money(Math.abs(current.usdPerMonth - lower.usdPerMonth))} a month ${lower.usdPerMonth <= current.usdPerMonth ? "less" : "more"} than today's, ${lowerQuality}: try it on the workload's own tasks before switching.`;
  }
  if (winner.id === current.id) {
    return `No${rule} option${floor} costs less than today's **${current.label}**${todayScore}: keep it, at **${money(current.usdPerMonth)} a month**, ${money(current.usdPerCall, 5)} a call.${lowerText}`;
  }
  const beats = verdict.winnerBeatsFromCallsPerDay;
  const compare =
    `, ${money(Math.abs(current.usdPerMonth - winner.usdPerMonth))} a month ${winner.usdPerMonth <= current.usdPerMonth ? "less" : "more"} than today's ${current.label}` +
    `${current.compliance === "not compliant" ? ` (${current.compliance} with the rule)` : ""}` +
    (beats > 0 && Number.isFinite(beats) ? `, cheaper from ${formatLeastCalls(beats)} ${verdict.unit}` : "");
  const latency = winner.kind === "api" ? "" : `, latency ${winner.latency}`;
  return `The cheapest${rule} option${floor} is **${optionName(winner)}** (quality ${winner.qualityText}${latency}) at **${money(winner.usdPerMonth)} a month**, ${money(winner.usdPerCall, 5)} a call${compare}.${lowerText}`;
}

/** A hybrid's month: its self-hosted option for `localShare` of the calls, today's API for the rest, each at its own volume. */
export interface HybridCost {
  way: "hybrid";
  localId: string;
  cloudId: string;
  localShare: number;
}

/** An option as the panel prices it: what does not move with volume, and its cost as plain data. */
export interface DecisionPanelOption extends Omit<VerdictOption, "usdPerMonth" | "usdPerCall" | "servers"> {
  cost: OptionCost | HybridCost;
  /** Calls one of its servers takes in the busiest hour (a hybrid's over its local share): where its cost steps up. */
  serverCallsPerHour: number | undefined;
}

export interface DecisionPanelInputs {
  /** Calls in the workload's own unit: a day, or a weekday for a weekday/weekend workload. */
  callsPerDay: number;
}

export const DECISION_PANEL_RANGES: PanelRanges<DecisionPanelInputs> = {
  callsPerDay: BREAK_EVEN_PANEL_RANGES.callsPerDay,
};

export interface DecisionPanelSpec {
  kind: "decision";
  title: string;
  workloadId: string;
  /** The workload's month at its own volume, `calendarCallsPerDay`: kinds of day, hours and time zone. */
  calendar: WorkloadCalendar;
  calendarCallsPerDay: number;
  /** "calls a day" or "calls a weekday". */
  unit: string;
  /** Every option the decision prices, every hybrid included: the cheapest hybrid of each way depends on the volume. */
  options: DecisionPanelOption[];
  currentId: string;
  todayScore: string | undefined;
  ruled: boolean;
  country: string | undefined;
  /**
   * The currency the decision page states money in, with its rate to the dollar: the options' costs are in USD. (Not
   * `currency`: the page's own field for the notebook's display currency.)
   */
  moneyShownIn: DisplayCurrency;
  defaults: DecisionPanelInputs;
  provenance: Provenance;
}

export interface DecisionPanelResult {
  /** The options the decision lists at this volume, cheapest first. */
  options: VerdictOption[];
  verdict: Verdict;
  summary: string;
  figure: Figure;
}

/** Of the hybrids, the cheapest of each way, preferring those that count for the winner, as `decide` lists them. */
function cheapestHybrids<Option extends { id: string; eligible: boolean; usdPerMonth: number }>(hybrids: readonly Option[]): Option[] {
  const way = (option: Option) => option.id.split(":")[1] as string;
  return [...new Set(hybrids.map(way))].flatMap((kind) => {
    const mine = hybrids.filter((option) => way(option) === kind);
    const best = [...mine].sort((a, b) => Number(b.eligible) - Number(a.eligible) || a.usdPerMonth - b.usdPerMonth)[0];
    return best ? [best] : [];
  });
}

/** Every option priced at a volume, and the verdict, as the decision page states it at that volume. */
export function evaluateDecisionPanel(spec: DecisionPanelSpec, inputs: DecisionPanelInputs): DecisionPanelResult {
  checkRanges(DECISION_PANEL_RANGES, inputs);
  const base = spec.calendarCallsPerDay;
  if (!(base > 0)) throw new InputError("the workload has no calls whose month could be scaled to another volume");
  const byId = new Map(spec.options.map((option) => [option.id, option]));
  const calendarAt = (volume: number) => scaleCalendar(spec.calendar, volume / base);
  const monthOf = (option: DecisionPanelOption, calendar: WorkloadCalendar): OptionMonth => {
    const cost = option.cost;
    if (cost.way !== "hybrid") return optionMonth(cost, calendar);
    const local = optionMonth((byId.get(cost.localId) as DecisionPanelOption).cost as OptionCost, scaleCalendar(calendar, cost.localShare));
    const cloud = optionMonth(
      (byId.get(cost.cloudId) as DecisionPanelOption).cost as OptionCost,
      scaleCalendar(calendar, 1 - cost.localShare),
    );
    return { usd: local.usd + cloud.usd, servers: local.servers };
  };
  const calendar = calendarAt(inputs.callsPerDay);
  const calls = callsPerMonth(calendar);
  const priced = spec.options.map(({ cost: _cost, serverCallsPerHour: _capacity, ...option }) => {
    const month = monthOf(byId.get(option.id) as DecisionPanelOption, calendar);
    return { ...option, usdPerMonth: month.usd, usdPerCall: calls > 0 ? month.usd / calls : 0, servers: month.servers };
  });
  const listed = [
    ...priced.filter((option) => option.kind !== "hybrid"),
    ...cheapestHybrids(priced.filter((option) => option.kind === "hybrid")),
  ];
  const options = [...listed].sort(byMonthlyCost);
  const current = options.find((option) => option.id === spec.currentId) as VerdictOption;
  const winner = options.find((option) => option.eligible);
  const cheapestPassing = options.find((option) => option.passesRules);
  const cheaperAtLowerQuality =
    cheapestPassing !== undefined && (winner === undefined || cheapestPassing.usdPerMonth < winner.usdPerMonth)
      ? cheapestPassing
      : undefined;
  let winnerBeatsFromCallsPerDay = 0;
  if (winner !== undefined && winner.id !== current.id) {
    const mine = byId.get(winner.id) as DecisionPanelOption;
    const today = byId.get(current.id) as DecisionPanelOption;
    const gap = (volume: number) => {
      const at = calendarAt(volume);
      return monthOf(mine, at).usd - monthOf(today, at).usd;
    };
    winnerBeatsFromCallsPerDay = firstVolumeCheaper(
      gap,
      inputs.callsPerDay,
      serverBandEdges(mine.serverCallsPerHour, inputs.callsPerDay, busiestHourCalls(calendar)),
    );
  }
  const verdict: Verdict = {
    winner,
    current,
    cheaperAtLowerQuality,
    winnerBeatsFromCallsPerDay,
    todayScore: spec.todayScore,
    ruled: spec.ruled,
    country: spec.country,
    unit: spec.unit,
  };
  // The servers the answer runs, or where it is an API the cheapest self-hosted option within the rules.
  const hosted = winner?.servers !== undefined ? winner : options.find((option) => option.servers !== undefined && option.passesRules);
  const count = hosted?.servers ?? 0;
  const enough = count > 1 ? ": one is not enough" : "";
  const servers =
    hosted === undefined
      ? ""
      : hosted === winner
        ? ` It runs ${countOf(count, "server")} for its busiest hour${enough}.`
        : ` The cheapest self-hosted option within the rules, ${optionName(hosted)}, costs ${formatMoney(fromUsd(hosted.usdPerMonth, spec.moneyShownIn), spec.moneyShownIn.code, 0)} a month with ${countOf(count, "server")} for its busiest hour${enough}.`;
  // The page shows the summary as text: no markdown emphasis.
  const summary = `At ${formatInteger(inputs.callsPerDay)} ${spec.unit}: ${verdictText(verdict, spec.moneyShownIn)}${servers}`.replace(
    /\*\*/g,
    "",
  );
  const figure = decisionChart(options, { currency: spec.moneyShownIn, provenance: spec.provenance });
  return { options, verdict, summary, figure: renumberFigure(figure, "D2") };
}

/** The panel as the page offers it: the volume in the workload's own unit. */
export const DECISION_PANEL: PanelDefinition<DecisionPanelSpec, DecisionPanelInputs> = {
  kind: "decision",
  computes: { en: "the decision", "zh-CN": "决策结果" },
  controls: (spec) => [
    {
      key: "callsPerDay",
      range: { ...DECISION_PANEL_RANGES.callsPerDay, label: spec.unit.replace(/^calls a /, "Calls per ") },
      value: spec.defaults.callsPerDay,
    },
  ],
  show: (spec, values) => {
    const evaluated = evaluateDecisionPanel(spec, values);
    const winner = evaluated.verdict.winner;
    return {
      summary: evaluated.summary,
      figure: evaluated.figure,
      attributes: {
        "data-winner": winner?.id ?? "",
        "data-winner-usd": winner === undefined ? "" : winner.usdPerMonth.toFixed(2),
        "data-servers": winner?.servers === undefined ? "" : String(winner.servers),
      },
    };
  },
};

export type { OptionWay };
