/**
 * The sensitivity page (59.8) as it reads: what moves a break-even most, the tornado tables, the input ranges and the
 * Monte Carlo's paragraph, in the page's language. Numbers come from `breakEvenUncertainty`; this module only writes.
 */
import type { Dataset } from "../data";
import { formatBreakEvenCalls, formatInteger, formatPercent } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { inputNameIn, inputUnitIn, SENSITIVITY_WORDS } from "../i18n/sensitivity";
import { SENSITIVITY_INPUTS, type TornadoBar } from "../model";
import { dataFileName } from "./figure-context";
import { findHardware, findModel, findWorkload } from "./lookup";
import type { BreakEvenUncertainty } from "./sensitivity";
import type { PageTable } from "./page-table";

/** The money code the data is shown in: a Chinese unit names it (CNY/月). */
const codeOf = (data: Dataset) => data.shownIn?.code ?? "USD";

/** "4x 8x H20 96GB vs DeepSeek V4 Pro (DeepSeek API)": the server without its bracket, against the API's model. */
export function sensitivityComparison(data: Dataset, hardwareId: string, apiModelId: string, lang: Lang = DEFAULT_LANG): string {
  return SENSITIVITY_WORDS[lang].comparison(
    findHardware(data, hardwareId).name.replace(/ \(.*\)$/, ""),
    findModel(data, apiModelId).modelName,
  );
}

/** A bar's break-evens at its two ends, low to high. */
function rangeOf(bar: { breakEvenAtLow: number; breakEvenAtHigh: number } | undefined, lang: Lang): string {
  const low = Math.min(bar?.breakEvenAtLow ?? 0, bar?.breakEvenAtHigh ?? 0);
  const high = Math.max(bar?.breakEvenAtLow ?? 0, bar?.breakEvenAtHigh ?? 0);
  return SENSITIVITY_WORDS[lang].span(formatBreakEvenCalls(low, lang), formatBreakEvenCalls(high, lang));
}

/** An input as a sentence names it: English's lower-case label, Chinese's name. */
const named = (bar: TornadoBar | undefined, lang: Lang) => (bar === undefined ? String(undefined) : inputNameIn(bar, lang, true));

/** The page's first paragraph: what moves the break-even most over the data's ranges, all at once, and by an equal share. */
export function sensitivityFindings(
  data: Dataset,
  uncertainty: BreakEvenUncertainty,
  comparison: string,
  swing: number,
  lang: Lang = DEFAULT_LANG,
): string {
  const [top, second] = uncertainty.rangeTornado.bars;
  const shareTop = uncertainty.tornado.bars[0];
  const calls = (value: number) => formatBreakEvenCalls(value, lang);
  return SENSITIVITY_WORDS[lang].findings({
    comparison,
    base: calls(uncertainty.tornado.baseBreakEven),
    top: named(top, lang),
    topLow: String(+(top?.lowValue ?? 0).toPrecision(3)),
    topHigh: String(+(top?.highValue ?? 0).toPrecision(3)),
    topUnit: top === undefined ? String(undefined) : inputUnitIn(top, lang, codeOf(data)),
    topRange: rangeOf(top, lang),
    second: named(second, lang),
    secondRange: rangeOf(second, lang),
    p5: calls(uncertainty.p5),
    p95: calls(uncertainty.p95),
    percent: formatPercent(swing * 100, 0, lang),
    shareTop: named(shareTop, lang),
    heldFixed: uncertainty.heldFixed.map((key) =>
      lang === DEFAULT_LANG ? key : inputNameIn(SENSITIVITY_INPUTS.find((input) => input.key === key) ?? { key, label: key }, lang),
    ),
  });
}

/** A tornado's bars as table rows: each input's base, ends, break-evens at its ends and their spread. */
function tornadoRows(data: Dataset, bars: readonly TornadoBar[], lang: Lang): Record<string, unknown>[] {
  return bars.map((bar) => ({
    input: inputNameIn(bar, lang),
    base: bar.baseValue,
    low: bar.lowValue,
    high: bar.highValue,
    atLow: bar.breakEvenAtLow,
    atHigh: bar.breakEvenAtHigh,
    spread: bar.spread,
    unit: inputUnitIn(bar, lang, codeOf(data)),
  }));
}

/** Each input over its range from the data, one at a time: Figure 59.8a's numbers. */
export function rangeTornadoTable(
  data: Dataset,
  uncertainty: BreakEvenUncertainty,
  comparison: string,
  lang: Lang = DEFAULT_LANG,
): PageTable {
  const words = SENSITIVITY_WORDS[lang];
  return {
    rows: tornadoRows(data, uncertainty.rangeTornado.bars, lang),
    columns: [
      { key: "input", label: words.hInput },
      { key: "unit", label: words.hUnit },
      { key: "base", label: words.hBase, format: "number" },
      { key: "low", label: words.hLowEnd, format: "number" },
      { key: "high", label: words.hHighEnd, format: "number" },
      { key: "atLow", label: words.hAtLow, format: "integer" },
      { key: "atHigh", label: words.hAtHigh, format: "integer" },
      { key: "spread", label: words.hSpread, format: "integer" },
    ],
    caption: words.rangeCaption(comparison),
  };
}

/** Each input moved by the same share: Figure 59.8c's numbers. */
export function shareTornadoTable(
  data: Dataset,
  uncertainty: BreakEvenUncertainty,
  comparison: string,
  swing: number,
  lang: Lang = DEFAULT_LANG,
): PageTable {
  const words = SENSITIVITY_WORDS[lang];
  const percent = formatPercent(swing * 100, 0, lang);
  return {
    rows: tornadoRows(data, uncertainty.tornado.bars, lang),
    columns: [
      { key: "input", label: words.hInput },
      { key: "unit", label: words.hUnit },
      { key: "base", label: words.hBase, format: "number" },
      { key: "low", label: `−${percent}`, format: "number" },
      { key: "high", label: `+${percent}`, format: "number" },
      { key: "atLow", label: words.hAtMinus, format: "integer" },
      { key: "atHigh", label: words.hAtPlus, format: "integer" },
      { key: "spread", label: words.hSpread, format: "integer" },
    ],
    caption: words.shareCaption(comparison, percent),
  };
}

/** uncertainty_ranges.csv as the page shows it: each input's range, most likely value, distribution and why. */
export function inputRangesTable(data: Dataset, lang: Lang = DEFAULT_LANG): PageTable {
  const words = SENSITIVITY_WORDS[lang];
  const input = (column: string) => {
    const known = SENSITIVITY_INPUTS.find((candidate) => candidate.column === column);
    // English shows the file's own column name; another language names the input.
    return lang === DEFAULT_LANG || known === undefined ? column : inputNameIn(known, lang);
  };
  return {
    rows: data.uncertaintyRanges.map((row) => ({
      input: input(row.input),
      low: row.lowFactor,
      high: row.highFactor,
      distribution: words.distribution(row.distribution),
      mode: row.modeFactor ?? 1,
      rationale: row.rationale,
    })),
    columns: [
      { key: "input", label: words.hInput },
      { key: "low", label: words.hLowFactor, format: "number" },
      { key: "mode", label: words.hMode, format: "number" },
      { key: "high", label: words.hHighFactor, format: "number" },
      { key: "distribution", label: words.hDistribution },
      { key: "rationale", label: words.hWhy },
    ],
    caption: words.rangesCaption(dataFileName(data, "uncertainty_ranges.csv")),
  };
}

/** The Monte Carlo in a paragraph: the break-even's percentiles over the draws, and how often local loses money. */
export function drawsText(
  data: Dataset,
  uncertainty: BreakEvenUncertainty,
  samples: number,
  seed: number,
  lang: Lang = DEFAULT_LANG,
): string {
  const calls = (value: number) => formatBreakEvenCalls(value, lang);
  return SENSITIVITY_WORDS[lang].draws({
    samples: formatInteger(samples, lang),
    seed,
    p5: calls(uncertainty.p5),
    p95: calls(uncertainty.p95),
    p50: calls(uncertainty.p50),
    base: calls(uncertainty.tornado.baseBreakEven),
    callsPerDay: formatInteger(findWorkload(data).callsPerDay, lang),
    share: formatPercent(uncertainty.shareAboveWorkload * 100, 1, lang),
  });
}
