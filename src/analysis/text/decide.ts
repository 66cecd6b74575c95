/** `roilab decide` for the terminal and for scripts: every option for a workload, in the reader's currency. */
import { formatInteger, formatLeastCalls, formatMoney } from "../../format";
import { fromUsd } from "../../model";
import { currencyNote, type DatedCurrency } from "../currency";
import { bottomLine, countryNote, flipText } from "../decision-page";
import { complianceIn, optionName } from "../../panels/decision";
import { DECISION_WORDS } from "../../i18n/decision";
import { qualityMatchText, qualityText } from "../quality";
import type { Decision, DecisionOption } from "../decide";
import { renderTextTable } from "./text-table";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";
import { TERMINAL_WORDS } from "../../i18n/terminal";

type Words = (typeof TERMINAL_WORDS)[Lang];

const kindLabel = (kind: DecisionOption["kind"], words: Words): string =>
  ({
    api: words.kindCall,
    buy: words.kindBuy,
    "rent-always-on": words.kindRent,
    "rent-by-hour": words.kindRent,
    hybrid: words.kindHybrid,
  })[kind];

/** "from 524 calls a weekday", "at any volume", "never (up to 1,000x)", "today's choice". */
function beatsText(option: DecisionOption, decision: Decision, lang: Lang): string {
  const words = TERMINAL_WORDS[lang];
  if (option.id === decision.current.id) return words.current;
  if (option.beatsCurrentFromCallsPerDay === 0) return words.atAnyVolume;
  if (option.beatsCurrentFromCallsPerDay === Infinity) return formatLeastCalls(Infinity, lang);
  return words.fromCalls(formatLeastCalls(option.beatsCurrentFromCallsPerDay, lang));
}

/**
 * The decision as text, every word in `lang`: headings and fixed sentences from `TERMINAL_WORDS`, and what the
 * analysis composes (option names, compliance, quality, the bottom line, what flips it, the currency's note) in the
 * decision page's own words, so the terminal and the page say the same.
 */
export function decisionText(decision: Decision, currency: DatedCurrency, lang: Lang = DEFAULT_LANG): string {
  const words = TERMINAL_WORDS[lang];
  const page = DECISION_WORDS[lang];
  const money = (usd: number, digits = 2) => formatMoney(fromUsd(usd, currency), currency.code, digits, lang);
  const workload = decision.workload;
  const unit = page.unit(decision.volume.unit);
  const lines = [
    words.workloadLine(
      workload.workloadId,
      formatInteger(decision.volume.callsPerDay, lang),
      unit,
      formatInteger(decision.callsPerMonth, lang),
      String(+decision.calendarDays.toFixed(4)),
      workload.timeZone ?? "",
      formatInteger(decision.busiestHourCalls, lang),
    ),
    words.callLine(
      formatInteger(workload.inputTokensPerCall, lang),
      Math.round((workload.cachedInputShare ?? 0) * 100),
      formatInteger(workload.outputTokensPerCall, lang),
      workload.reasoningTokensPerCall ? formatInteger(workload.reasoningTokensPerCall, lang) : "",
    ),
    words.todayLine(optionName(decision.current, lang), money(decision.current.usdPerMonth), money(decision.current.usdPerCall, 5)),
    "",
    renderTextTable(
      [
        { header: words.option },
        { header: words.way },
        { header: words.serves },
        { header: words.region },
        { header: words.compliance },
        { header: words.quality },
        { header: words.againstToday },
        { header: words.perMonthHeader(currency.code), align: "right" },
        { header: words.perCallHeader(currency.code), align: "right" },
        { header: words.servers, align: "right" },
        { header: words.beatsToday(unit), align: "right" },
      ],
      decision.options.map((option) => [
        optionName(option, lang),
        kindLabel(option.kind, words),
        option.modelName,
        page.regionOf(option.region),
        // The region has its own column; the provider's country is added where it does not serve the team's.
        `${complianceIn(option.compliance, lang)}${countryNote(option, decision, lang)}`,
        qualityText(option.quality, lang),
        qualityMatchText(option.qualityVsToday, lang),
        money(option.usdPerMonth),
        money(option.usdPerCall, 5),
        option.servers === undefined ? "" : formatInteger(option.servers, lang),
        beatsText(option, decision, lang),
      ]),
    ),
    "",
    // The page's bottom line: the cheapest option that passes residency, latency and quality like for like.
    bottomLine(decision, currency, lang).replace(/\*\*/g, ""),
    // The page's sentence, without its markdown emphasis.
    ...(flipText(decision, lang) ? [flipText(decision, lang).replace(/\*\*/g, "")] : []),
    words.beatsTodayNote,
    words.sizingNote(Math.round(decision.targetUtilisation * 100)),
  ];
  const note = currencyNote(currency, true, lang);
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
