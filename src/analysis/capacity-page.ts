/**
 * The capacity page (59.7) as it reads: its findings, tables and notes in the page's language, from the same analyses
 * in every language. English is what the page has always printed; another language only changes the words and how
 * money is written.
 */
import type { Dataset, HardwareRow } from "../data";
import { displayCurrencyCode, formatInteger, formatPercent, formatUsd } from "../format";
import { CAPACITY_WORDS } from "../i18n/capacity";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import type { CapacityBreakEvenRow, CaseStudyCapacity, OpsGrowth } from "./capacity";
import { dataFileName } from "./figure-context";
import { findHardware, findModel, findWorkload } from "./lookup";
import { serverCostSplit } from "./model-inputs";
import { promptRateBasis } from "./throughput-basis";
import { fitLabel, fitNote, hardwareModelFit } from "./vram";
import type { PageTable } from "./page-table";
import { moneyCell } from "./page-table";

/** A volume cell that may be "never" (Infinity): English keeps the number for the table; Chinese writes 永不 itself. */
const callsCell = (value: number, lang: Lang): number | string => (lang === DEFAULT_LANG ? value : formatInteger(value, lang));

/** What every server in throughput.csv serves and at what rates. */
export function throughputTable(data: Dataset, lang: Lang = DEFAULT_LANG): PageTable {
  const words = CAPACITY_WORDS[lang];
  return {
    rows: data.throughput.map((row) => ({
      server: findHardware(data, row.hardwareId).name,
      serving: words.serving(row.serving),
      engine: row.engine,
      basis: words.basis(promptRateBasis(row)),
      model: `${row.model} ${row.quantisation}`,
      output: row.outputTokensPerSecond,
      prompt: row.promptTokensPerSecond,
      // The data file keeps the full citation; the table shows where it is from.
      source: row.source.split(":")[0],
    })),
    columns: [
      { key: "server", label: words.hServer },
      { key: "serving", label: words.hServing },
      { key: "engine", label: words.hEngine },
      { key: "model", label: words.hModelMeasured },
      { key: "output", label: words.hOutputRate, format: "decimal1" },
      { key: "prompt", label: words.hPromptRate, format: "decimal1" },
      { key: "basis", label: words.hRates },
      { key: "source", label: words.hSource },
    ],
    caption: words.throughputCaption(dataFileName(data, "throughput.csv")),
  };
}

/** How a server's calls are timed, at the planned utilisation, for the workload's calls. */
export function servingNote(data: Dataset, targetUtilisation: number, lang: Lang = DEFAULT_LANG): string {
  const workload = findWorkload(data);
  return CAPACITY_WORDS[lang].servingNote(
    formatPercent(targetUtilisation * 100, 0),
    formatInteger(workload.inputTokensPerCall),
    formatInteger(workload.outputTokensPerCall),
  );
}

/** The finding: the servers the case study needs on its profile and on a flat day, and what each option then costs. */
export function capacityHeadline(study: CaseStudyCapacity, flat: CaseStudyCapacity, lang: Lang = DEFAULT_LANG): string {
  const [allCloud, allLocal, hybrid] = study.withCapacity.options;
  const published = study.asPublished.options;
  const money = (usd: number | undefined) => formatUsd(usd ?? 0, 2, lang);
  return CAPACITY_WORDS[lang].headline({
    weekdayCalls: formatInteger(study.weekday.peakCallsPerHour / study.profile.peakHourShare),
    servers: String(allLocal?.machines),
    gpus: `${study.capacity.hardware.gpuCount}× ${study.capacity.hardware.gpuModel.replace(/^NVIDIA /, "")}`,
    profile: CAPACITY_WORDS[lang].profileName(study.profile.profileId),
    flatServers: String(flat.withCapacity.options[1]?.machines),
    localMonth: money(allLocal?.totalUsd),
    localPublished: money(published[1]?.totalUsd),
    sensitiveShare: formatPercent(study.asPublished.sensitiveShare * 100, 0),
    hybridMonth: money(hybrid?.totalUsd),
    hybridServers: String(hybrid?.machines),
    hybridPublished: money(published[2]?.totalUsd),
    cloudMonth: money(allCloud?.totalUsd),
  });
}

/** The weekday's and the weekend's calls, averaged over the day and in the busiest hour. */
export function demandTable(study: CaseStudyCapacity, lang: Lang = DEFAULT_LANG): PageTable {
  const words = CAPACITY_WORDS[lang];
  const day = (name: string, demand: CaseStudyCapacity["weekday"]) => ({
    day: name,
    calls: demand.peakCallsPerHour / study.profile.peakHourShare,
    average: demand.averageOutputTokensPerSecond,
    peak: demand.peakOutputTokensPerSecond,
    peakCalls: demand.peakCallsPerHour,
  });
  return {
    rows: [day(words.weekday, study.weekday), day(words.weekend, study.weekend)],
    columns: [
      { key: "day", label: words.hDay },
      { key: "calls", label: words.hCallsPerDay, format: "integer" },
      { key: "average", label: words.hAverageRate, format: "decimal1" },
      { key: "peakCalls", label: words.hPeakCalls, format: "decimal1" },
      { key: "peak", label: words.hPeakRate, format: "decimal1" },
    ],
    caption: words.demandCaption(study.profile.profileId, formatPercent(study.profile.peakHourShare * 100)),
  };
}

/** The output tokens a second the chapter calls enough for the case study (published_figures.csv), else its 15. */
export function claimedTokensPerSecond(data: Dataset): number {
  return data.publishedFigures.find((figure) => figure.figureId === "case/capacity/required_output_tokens_per_second")?.valueHigh ?? 15;
}

/** What one of the case study's servers takes in a day, and how far the chapter's rate is from the weekday's. */
export function serverCapacityText(
  data: Dataset,
  study: CaseStudyCapacity,
  flat: CaseStudyCapacity,
  targetUtilisation: number,
  lang: Lang = DEFAULT_LANG,
): string {
  const claimed = claimedTokensPerSecond(data);
  const throughput = study.capacity.throughput;
  // English prints these as it always has; Chinese groups the thousands as its tables do (11,400, 10,395.0).
  const grouped = (value: number, digits: number) =>
    lang === DEFAULT_LANG
      ? value.toFixed(digits)
      : value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return CAPACITY_WORDS[lang].serverCapacity({
    server: study.capacity.hardware.name,
    serving: CAPACITY_WORDS[lang].serving(throughput.serving),
    outputRate: lang === DEFAULT_LANG ? String(throughput.outputTokensPerSecond) : throughput.outputTokensPerSecond.toLocaleString("en-US"),
    engine: throughput.engine,
    model: `${throughput.model} ${throughput.quantisation}`,
    secondsPerCall: study.capacity.secondsPerCall.toFixed(1),
    callsPerHour: grouped(study.capacity.callsPerHourPerMachine, 1),
    utilisation: formatPercent(targetUtilisation * 100, 0),
    callsPerDay: formatInteger(study.capacity.callsPerDayPerMachine),
    flatCallsPerDay: formatInteger(flat.capacity.callsPerDayPerMachine),
    averageRate: study.weekday.averageOutputTokensPerSecond.toFixed(1),
    times: (study.weekday.averageOutputTokensPerSecond / claimed).toFixed(1),
    claimed: String(claimed),
  });
}

/** The case study's options with one server, as the chapter prices them, and with the servers the volume needs. */
export function caseOptionsTable(study: CaseStudyCapacity, lang: Lang = DEFAULT_LANG): PageTable {
  const words = CAPACITY_WORDS[lang];
  return {
    rows: study.asPublished.options.map((option, index) => {
      const sized = study.withCapacity.options[index];
      return {
        option: words.option(option.option),
        published: moneyCell(option.totalUsd, 2, lang),
        machines: sized?.machines ?? 0,
        sized: moneyCell(sized?.totalUsd ?? 0, 2, lang),
        budget: (sized?.withinBudget ?? false) ? words.yes : words.no,
      };
    }),
    columns: [
      { key: "option", label: words.hOption },
      { key: "published", label: words.hOneServer(displayCurrencyCode()), format: "usd" },
      { key: "machines", label: words.hServersNeeded, format: "integer" },
      { key: "sized", label: words.hWithServers(displayCurrencyCode()), format: "usd" },
      { key: "budget", label: words.hWithinBudget },
    ],
    caption: words.optionsCaption(study.profile.profileId),
  };
}

/** The case study's options as each added server adds a larger share of the first one's operations. */
export function opsGrowthTable(study: CaseStudyCapacity, growth: OpsGrowth, lang: Lang = DEFAULT_LANG): PageTable {
  const words = CAPACITY_WORDS[lang];
  return {
    rows: growth.points.map((point) => ({
      share: point.opsSharePerAddedServer * 100,
      ops: moneyCell(point.allLocalOpsUsdPerMonth, 2, lang),
      local: moneyCell(point.result.options[1]?.totalUsd ?? 0, 2, lang),
      hybrid: moneyCell(point.result.options[2]?.totalUsd ?? 0, 2, lang),
      pick: point.result.cheapestCompliant === undefined ? words.none : words.option(point.result.cheapestCompliant),
      note: point.opsSharePerAddedServer === growth.dataShare ? words.dataShare : "",
    })),
    columns: [
      { key: "share", label: words.hOpsShare, format: "decimal1" },
      { key: "ops", label: words.hOpsOf(growth.allLocalMachines, displayCurrencyCode()), format: "usd" },
      { key: "local", label: words.hAllLocal(displayCurrencyCode()), format: "usd" },
      { key: "hybrid", label: words.hHybrid(displayCurrencyCode()), format: "usd" },
      { key: "pick", label: words.hPick },
      { key: "note", label: "" },
    ],
    caption: words.growthCaption(study.profile.profileId),
  };
}

/** Up to which share of operations per added server all-local stays within the case study's budget. */
export function opsGrowthText(study: CaseStudyCapacity, growth: OpsGrowth, lang: Lang = DEFAULT_LANG): string {
  const words = CAPACITY_WORDS[lang];
  const budget = formatUsd(study.inputs.budgetUsdPerMonth, 0, lang);
  const flip = growth.allLocalOverBudgetFromShare;
  if (flip === undefined) return words.withinBudgetAlways(budget);
  if (flip === 0) return words.overBudgetAlways(budget);
  return words.withinBudgetWhile(budget, formatPercent(flip * 100), formatPercent(growth.dataShare * 100, 0));
}

/** A server's operations: one server's, and the share each added one adds; or that the row does not itemise them. */
export function opsText(hardware: HardwareRow, daysPerMonth: number, lang: Lang = DEFAULT_LANG): string {
  const split = serverCostSplit(hardware, daysPerMonth);
  const words = CAPACITY_WORDS[lang];
  return split.opsKnown
    ? words.opsItemised(formatUsd(split.opsOneServerUsdPerMonth, 0, lang), formatPercent(split.opsSharePerAddedServer * 100, 0))
    : words.opsNotItemised;
}

/** Every measured server's break-even against one API: the chapter's, the first with capacity and the lasting one. */
export function capacityBreakEvenPageTable(
  data: Dataset,
  rows: readonly CapacityBreakEvenRow[],
  apiModelId: string,
  profileId: string,
  lang: Lang = DEFAULT_LANG,
): PageTable {
  const words = CAPACITY_WORDS[lang];
  const workload = findWorkload(data);
  return {
    rows: rows.map((row) => ({
      server: fitLabel(data, row.hardware.hardwareId, undefined, lang),
      serving: words.serving(row.throughput.serving),
      serves: `${row.throughput.model} ${row.throughput.quantisation}`,
      perDay: row.callsPerDayPerMachine,
      chapter: callsCell(row.breakEven.uncappedDailyCalls, lang),
      first: callsCell(row.breakEven.firstDailyCalls, lang),
      sustained: callsCell(row.breakEven.sustainedFromDailyCalls, lang),
      perCall: moneyCell(row.breakEven.localUsdPerCallAtFullLoad, 5, lang),
      ops: opsText(row.hardware, workload.daysPerMonth, lang),
    })),
    columns: [
      { key: "server", label: words.hServer },
      { key: "serving", label: words.hServing },
      { key: "serves", label: words.hServes },
      { key: "perDay", label: words.hPerServer, format: "integer" },
      { key: "chapter", label: words.hChapter, format: "integer" },
      { key: "first", label: words.hFirst, format: "integer" },
      { key: "sustained", label: words.hSustained, format: "integer" },
      { key: "perCall", label: words.hPerCall(displayCurrencyCode()), format: "usdPerCall" },
      { key: "ops", label: words.hOperations },
    ],
    caption: words.breakEvenCaption(findModel(data, apiModelId).modelName, formatUsd(rows[0]?.apiUsdPerCall ?? 0, 4, lang), profileId),
  };
}

/** One paragraph per server in the table that cannot hold the model it is compared as; "" when all can. */
export function unfitServersText(
  data: Dataset,
  rows: readonly CapacityBreakEvenRow[],
  apiModelId: string,
  lang: Lang = DEFAULT_LANG,
): string {
  const model = findModel(data, apiModelId).modelName;
  return [...new Set(rows.map((row) => row.hardware.hardwareId))]
    .map((id) => ({ id, note: fitNote(hardwareModelFit(data, id), lang) }))
    .filter((entry) => entry.note !== "")
    .map((entry) => CAPACITY_WORDS[lang].unfit(findHardware(data, entry.id).name, entry.note, model))
    .join("\n\n");
}
