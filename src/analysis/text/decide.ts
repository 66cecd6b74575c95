/** `roilab decide` for the terminal and for scripts: every option for a workload, in the reader's currency. */
import { formatInteger, formatLeastCalls, formatMoney } from "../../format";
import { fromUsd } from "../../model";
import { currencyNote, type DatedCurrency } from "../currency";
import { bottomLine, countryNote, flipText } from "../decision-page";
import { qualityMatchText, qualityText } from "../quality";
import type { Decision, DecisionOption } from "../decide";
import { renderTextTable } from "./text-table";

const KIND_LABEL: Record<DecisionOption["kind"], string> = {
  api: "call",
  buy: "buy",
  "rent-always-on": "rent",
  "rent-by-hour": "rent",
  hybrid: "hybrid",
};

/** "from 524 calls a weekday", "at any volume", "never (up to 1,000x)", "today's choice". */
function beatsText(option: DecisionOption, decision: Decision): string {
  if (option.id === decision.current.id) return "current";
  if (option.beatsCurrentFromCallsPerDay === 0) return "at any volume";
  if (option.beatsCurrentFromCallsPerDay === Infinity) return "never";
  return `from ${formatLeastCalls(option.beatsCurrentFromCallsPerDay)}`;
}

export function decisionText(decision: Decision, currency: DatedCurrency): string {
  const money = (usd: number, digits = 2) => formatMoney(fromUsd(usd, currency), currency.code, digits);
  const workload = decision.workload;
  const lines = [
    `Workload ${workload.workloadId}: ${formatInteger(decision.volume.callsPerDay)} ${decision.volume.unit}, ${formatInteger(decision.callsPerMonth)} calls a month over ${+decision.calendarDays.toFixed(4)} calendar days` +
      `${workload.timeZone ? ` (${workload.timeZone})` : ""}; busiest hour ${formatInteger(decision.busiestHourCalls)} calls.`,
    `A call: ${formatInteger(workload.inputTokensPerCall)} input tokens (${Math.round((workload.cachedInputShare ?? 0) * 100)}% read from the cache), ${formatInteger(workload.outputTokensPerCall)} output` +
      `${workload.reasoningTokensPerCall ? ` and ${formatInteger(workload.reasoningTokensPerCall)} reasoning tokens on models that reason` : ""}.`,
    `Today: ${decision.current.label}, ${money(decision.current.usdPerMonth)} a month (${money(decision.current.usdPerCall, 5)} a call).`,
    "",
    renderTextTable(
      [
        { header: "Option" },
        { header: "Way" },
        { header: "Serves" },
        { header: "Region" },
        { header: "Compliance" },
        { header: "Quality" },
        { header: "Against today's" },
        { header: `${currency.code} / month`, align: "right" },
        { header: `${currency.code} / call`, align: "right" },
        { header: "Servers", align: "right" },
        { header: `Beats today (${decision.volume.unit})`, align: "right" },
      ],
      decision.options.map((option) => [
        option.label,
        KIND_LABEL[option.kind],
        option.modelName,
        option.region,
        // The region has its own column; the provider's country is added where it does not serve the team's.
        `${option.compliance}${countryNote(option, decision)}`,
        qualityText(option.quality),
        qualityMatchText(option.qualityVsToday),
        money(option.usdPerMonth),
        money(option.usdPerCall, 5),
        option.servers === undefined ? "" : formatInteger(option.servers),
        beatsText(option, decision),
      ]),
    ),
    "",
    // The page's bottom line: the cheapest option that passes residency, latency and quality like for like.
    bottomLine(decision, currency).replace(/\*\*/g, ""),
    // The page's sentence, without its markdown emphasis.
    ...(flipText(decision) ? [flipText(decision).replace(/\*\*/g, "")] : []),
    `"Beats today" is the least volume at which an option costs less than today's API; a self-hosted option can win in a band below each added server and lose above it.`,
    `Self-hosted options are sized for the busiest hour at ${Math.round(decision.targetUtilisation * 100)}% of measured throughput; bought servers pay depreciation, power and operations for every calendar day, rented ones by the hour they run.`,
  ];
  const note = currencyNote(currency);
  if (note) lines.push(note);
  return `${lines.join("\n")}\n`;
}

/** The same for scripts: every money figure in USD and in the chosen currency. */
export function decisionJson(decision: Decision, currency: DatedCurrency): string {
  const inCurrency = (option: DecisionOption) => ({
    ...option,
    perMonth: fromUsd(option.usdPerMonth, currency),
    perCall: fromUsd(option.usdPerCall, currency),
    beatsCurrentFromCallsPerDay: Number.isFinite(option.beatsCurrentFromCallsPerDay) ? option.beatsCurrentFromCallsPerDay : null,
  });
  return `${JSON.stringify(
    {
      workloadId: decision.workload.workloadId,
      volume: decision.volume,
      callsPerMonth: decision.callsPerMonth,
      calendarDays: decision.calendarDays,
      busiestHourCalls: decision.busiestHourCalls,
      targetUtilisation: decision.targetUtilisation,
      currency: { code: currency.code, perUsd: currency.perUsd, asOf: currency.asOf ?? null, source: currency.source ?? null },
      current: inCurrency(decision.current),
      winnerId: decision.winner?.id ?? null,
      cheaperAtLowerQualityId: decision.cheaperAtLowerQuality?.id ?? null,
      todayQuality: decision.todayQuality,
      hybrid: decision.hybrid ?? null,
      flips: decision.flips.map((flip) => ({ input: flip.input, factor: flip.factor, newWinnerId: flip.newWinner.id })),
      options: decision.options.map(inCurrency),
    },
    null,
    2,
  )}\n`;
}
