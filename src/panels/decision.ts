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
import { countIn, type CountNoun, formatInteger, formatLeastCalls, formatMoney } from "../format";
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
import { DECISION_WORDS, optionLabelIn, withModelIn } from "../i18n/decision";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
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
export function optionName(option: Pick<VerdictOption, "kind" | "label" | "modelName">, lang: Lang = DEFAULT_LANG): string {
  // A hybrid's label already names both its models.
  const label = optionLabelIn(option.label, lang);
  if (option.kind === "api" || option.kind === "hybrid") return label;
  return withModelIn(label, option.modelName, lang);
}

/** The bottom line in one sentence, every part computed; then, where there is one, the cheaper option at lower or unshown quality. */
export function verdictText(verdict: Verdict, currency: DisplayCurrency, lang: Lang = DEFAULT_LANG): string {
  const words = DECISION_WORDS[lang];
  const money = (usd: number, digits = 2) => formatMoney(fromUsd(usd, currency), currency.code, digits, lang);
  const name = (option: VerdictOption) => optionName(option, lang);
  const { winner, current, country } = verdict;
  const facts = { ruled: verdict.ruled, scored: verdict.todayScore !== undefined, todayScore: verdict.todayScore ?? "" };
  const label = optionLabelIn(current.label, lang);
  const lower = verdict.cheaperAtLowerQuality;
  const lowerQuality =
    lower === undefined ? "" : lower.qualityKind === "no shared score" ? words.lowerUnscored : words.lowerQuality(lower.qualityText);
  const lowerText = lower === undefined ? "" : words.lowerText(name(lower), money(lower.usdPerMonth), lowerQuality);
  if (winner === undefined) {
    const reasons = [
      current.compliance === "not compliant" ? words.notCompliantWithRule : undefined,
      current.servesCountry === "no" ? words.notOfferedIn(String(country)) : undefined,
    ].filter((reason): reason is string => reason !== undefined);
    const intro = words.noneAtToday(facts, reasons.length > 0 ? words.todayFails(facts, label, reasons) : "");
    if (lower === undefined) return `${intro}${words.nonePasses}`;
    const gap = money(Math.abs(current.usdPerMonth - lower.usdPerMonth));
    return `${intro}${words.cheapestUnproven(facts, name(lower), money(lower.usdPerMonth), gap, lower.usdPerMonth <= current.usdPerMonth, lowerQuality)}`;
  }
  if (winner.id === current.id) return `${words.keep(facts, label, money(current.usdPerMonth), money(current.usdPerCall, 5))}${lowerText}`;
  const beats = verdict.winnerBeatsFromCallsPerDay;
  const compare = words.compare(
    money(Math.abs(current.usdPerMonth - winner.usdPerMonth)),
    winner.usdPerMonth <= current.usdPerMonth,
    label,
    current.compliance === "not compliant" ? complianceIn(current.compliance, lang) : "",
    beats > 0 && Number.isFinite(beats) ? words.volume(formatLeastCalls(beats, lang), verdict.unit) : "",
  );
  const latency = winner.kind === "api" ? "" : words.winnerLatency(winner.latency);
  return `${words.winner(facts, name(winner), winner.qualityText, latency, money(winner.usdPerMonth), money(winner.usdPerCall, 5), compare)}${lowerText}`;
}

/** "compliant", "not compliant", "no rule" in the language. */
export function complianceIn(compliance: string, lang: Lang = DEFAULT_LANG): string {
  const words = DECISION_WORDS[lang];
  return compliance === "compliant"
    ? words.compliant
    : compliance === "not compliant"
      ? words.notCompliant
      : compliance === "no rule"
        ? words.noRule
        : compliance;
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

/** A server counted: "1 server", "2 servers", "2 台服务器". */
const SERVER: CountNoun = { one: "server", other: "servers", zh: "台服务器" };

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
  /** The language of the summary, the control and the figure: the page's script shows what the notebook showed. */
  lang?: Lang;
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
  const lang = spec.lang ?? DEFAULT_LANG;
  const words = DECISION_WORDS[lang];
  const hosted = winner?.servers !== undefined ? winner : options.find((option) => option.servers !== undefined && option.passesRules);
  const count = hosted?.servers ?? 0;
  const servers =
    hosted === undefined
      ? ""
      : hosted === winner
        ? words.runsServers(countIn(count, SERVER, lang), count > 1)
        : words.cheapestHosted(
            optionName(hosted, lang),
            formatMoney(fromUsd(hosted.usdPerMonth, spec.moneyShownIn), spec.moneyShownIn.code, 0, lang),
            countIn(count, SERVER, lang),
            count > 1,
          );
  // The page shows the summary as text: no markdown emphasis.
  const verdictSentence = verdictText(verdict, spec.moneyShownIn, lang);
  const summary = words
    .summaryAt(words.volume(formatInteger(inputs.callsPerDay, lang), spec.unit), `${verdictSentence}${servers}`)
    .replace(/\*\*/g, "");
  const figure = decisionChart(options, { currency: spec.moneyShownIn, provenance: spec.provenance, lang });
  return { options, verdict, summary, figure: renumberFigure(figure, "D2") };
}

/** The panel as the page offers it: the volume in the workload's own unit. */
export const DECISION_PANEL: PanelDefinition<DecisionPanelSpec, DecisionPanelInputs> = {
  kind: "decision",
  computes: { en: "the decision", "zh-CN": "决策结果" },
  controls: (spec) => [
    {
      key: "callsPerDay",
      range: { ...DECISION_PANEL_RANGES.callsPerDay, label: DECISION_WORDS[spec.lang ?? DEFAULT_LANG].volumeControl(spec.unit) },
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
