/** 59.3, break-even: where each local configuration's flat monthly cost meets each API's bill, and its figures. */
import { breakEvenCurves, breakEvenHeatmap, THEME_COLORS, type Figure } from "../charts";
import type { Dataset, WorkloadRow } from "../data";
import { formatInteger, formatUsd } from "../format";
import { BREAK_EVEN_WORDS } from "../i18n/break-even";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { breakEvenMatrix, breakEvenVolumes, calculateBreakEven, type BreakEvenCell, type BreakEvenResult } from "../model";
import { checkPublishedFigures } from "./audit";
import { perHourBreakEvenNote } from "./busiest-hour";
import { apiUsdPerCall } from "./cost";
import { sameModelComparisons } from "./decide";
import { dataFileName, hardwareColors, modelColors, provenance } from "./figure-context";
import { fitLabel, fitNote, hardwareModelFit } from "./vram";
import { findHardware, findModel, findWorkload } from "./lookup";
import { hardwareMonthlyCost } from "./model-inputs";
import { moneyCell, moneyHeader, type PageColumn, type PageTable } from "./page-table";

export interface BreakEvenMatrixOptions {
  /** Default: every hardware row. */
  hardwareIds?: readonly string[];
  /** Default: every model. */
  apiModelIds?: readonly string[];
  workload?: WorkloadRow;
}

/** Break-even calls of each hardware configuration against each API at the workload's tokens per call. */
export function breakEvenTable(data: Dataset, options: BreakEvenMatrixOptions = {}): BreakEvenCell[] {
  const workload = options.workload ?? findWorkload(data);
  const hardware = (options.hardwareIds ?? data.hardware.map((row) => row.hardwareId)).map((id) => findHardware(data, id));
  const apis = options.apiModelIds ?? data.models.map((row) => row.modelId);
  return breakEvenMatrix(
    hardware.map((row) => ({ id: row.hardwareId, monthlyCostUsd: hardwareMonthlyCost(row, workload.daysPerMonth).totalUsd })),
    apis.map((id) => ({ id, usdPerCall: apiUsdPerCall(data, id, workload) })),
    { daysPerMonth: workload.daysPerMonth },
  );
}

/** One break-even of one hardware row against one API, with the local cost itemised. */
export function breakEvenOf(data: Dataset, hardwareId: string, apiModelId: string, workload: WorkloadRow = findWorkload(data)) {
  const local = hardwareMonthlyCost(findHardware(data, hardwareId), workload.daysPerMonth);
  const usdPerCall = apiUsdPerCall(data, apiModelId, workload);
  return { local, apiUsdPerCall: usdPerCall, ...breakEvenVolumes(local.totalUsd, usdPerCall, workload.daysPerMonth) };
}

const BREAK_EVEN_FILES = ["models.csv", "hardware.csv", "workloads.csv"];

function apiOptions(data: Dataset, apiModelIds: readonly string[], workload: WorkloadRow) {
  return apiModelIds.map((id) => ({ id, name: findModel(data, id).modelName, usdPerCall: apiUsdPerCall(data, id, workload) }));
}

/** Figure 59.3a: the monthly cost of each configuration and API against calls per day, every crossover labelled. */
export function breakEvenCurvesFigure(
  data: Dataset,
  options: { hardwareIds: readonly string[]; apiModelIds: readonly string[]; maxCallsPerDay: number; workload?: WorkloadRow },
  lang: Lang = DEFAULT_LANG,
): Figure {
  const workload = options.workload ?? findWorkload(data);
  const hardware = options.hardwareIds.map((id) => ({
    id,
    name: fitLabel(data, id, undefined, lang),
    monthlyUsd: hardwareMonthlyCost(findHardware(data, id), workload.daysPerMonth).totalUsd,
  }));
  const cells = breakEvenTable(data, { hardwareIds: options.hardwareIds, apiModelIds: options.apiModelIds, workload });
  return breakEvenCurves(hardware, apiOptions(data, options.apiModelIds, workload), cells, {
    maxCallsPerDay: options.maxCallsPerDay,
    daysPerMonth: workload.daysPerMonth,
    modelColors: modelColors(data),
    hardwareColors: hardwareColors(data),
    provenance: provenance(data, BREAK_EVEN_FILES),
    lang,
  });
}

/** Figure 59.3b: the break-even of every hardware configuration against each API. */
export function breakEvenHeatmapFigure(
  data: Dataset,
  options: { apiModelIds: readonly string[]; workload?: WorkloadRow },
  lang: Lang = DEFAULT_LANG,
): Figure {
  const workload = options.workload ?? findWorkload(data);
  const cells = breakEvenTable(data, { apiModelIds: options.apiModelIds, workload });
  const hardware = data.hardware.map((row) => ({ id: row.hardwareId, name: fitLabel(data, row.hardwareId, undefined, lang) }));
  return breakEvenHeatmap(
    cells,
    hardware,
    apiOptions(data, options.apiModelIds, workload),
    provenance(data, BREAK_EVEN_FILES),
    { number: "59.3b" },
    lang,
  );
}

/** One of 59.3's two scenarios: a configuration against an API, its local month, the API's call and the break-evens. */
export interface BreakEvenScenario {
  hardwareId: string;
  apiModelId: string;
  localUsd: number;
  apiUsdPerCall: number;
  perDay: number;
  perMonth: number;
  perHour: number;
}

/** The break-even of each (hardware, API) pair at the workload. */
export function breakEvenScenarios(
  data: Dataset,
  pairs: readonly (readonly [string, string])[],
  workload: WorkloadRow = findWorkload(data),
): BreakEvenScenario[] {
  return pairs.map(([hardwareId, apiModelId]) => {
    const result = breakEvenOf(data, hardwareId, apiModelId, workload);
    return {
      hardwareId,
      apiModelId,
      localUsd: result.local.totalUsd,
      apiUsdPerCall: result.apiUsdPerCall,
      perDay: result.breakEvenDailyCalls,
      perMonth: result.breakEvenMonthlyCalls,
      perHour: result.breakEvenPerHour,
    };
  });
}

/** 59.3's first table: each scenario's local month, API call and break-even a day, a month and an hour. */
export function breakEvenScenarioTable(data: Dataset, scenarios: readonly BreakEvenScenario[], lang: Lang = DEFAULT_LANG): PageTable {
  const words = BREAK_EVEN_WORDS[lang];
  const rows = scenarios.map((scenario) => ({
    scenario: words.scenario(fitLabel(data, scenario.hardwareId, undefined, lang), findModel(data, scenario.apiModelId).modelName),
    localUsd: moneyCell(scenario.localUsd, 2, lang),
    apiUsdPerCall: moneyCell(scenario.apiUsdPerCall, 5, lang),
    perDay: scenario.perDay,
    perMonth: scenario.perMonth,
    perHour: scenario.perHour,
  }));
  const columns: PageColumn[] = [
    { key: "scenario", label: words.hScenario },
    { key: "localUsd", label: moneyHeader(words.hLocalMonth, lang), format: "usd" },
    { key: "apiUsdPerCall", label: moneyHeader(words.hApiCall, lang), format: "usdPerCall" },
    { key: "perDay", label: words.hPerDay, format: "integer" },
    { key: "perMonth", label: words.hPerMonth, format: "integer" },
    { key: "perHour", label: words.hPerHour, format: "integer" },
  ];
  return { rows, columns, caption: words.scenarioCaption };
}

/** The sentence under it: where each scenario breaks even a day, and what the first's hourly figure means. */
export function breakEvenScenarioText(
  data: Dataset,
  scenarios: readonly BreakEvenScenario[],
  profileId: string,
  lang: Lang = DEFAULT_LANG,
): string {
  const [one, two] = scenarios as [BreakEvenScenario, BreakEvenScenario];
  const hardware = (scenario: BreakEvenScenario) => findHardware(data, scenario.hardwareId).name;
  const model = (scenario: BreakEvenScenario) => findModel(data, scenario.apiModelId).modelName;
  return BREAK_EVEN_WORDS[lang].scenarioText(
    hardware(one),
    model(one),
    formatInteger(one.perDay, lang),
    hardware(two),
    model(two),
    formatInteger(two.perDay, lang),
    perHourBreakEvenNote(data, one.perDay, profileId, lang),
  );
}

/** 59.3's second table: every configuration against each API, recomputed beside the book's printed break-even. */
export function breakEvenMatrixTable(
  data: Dataset,
  options: { hardwareIds: readonly string[]; apiModelIds: readonly string[]; workload?: WorkloadRow },
  lang: Lang = DEFAULT_LANG,
): PageTable {
  const words = BREAK_EVEN_WORDS[lang];
  const cells = breakEvenTable(data, options);
  const printed = new Map(checkPublishedFigures(data).map((check) => [check.figure.figureId, check.figure.value]));
  const rows = options.hardwareIds.map((hardwareId) => {
    const mine = cells.filter((cell) => cell.hardwareId === hardwareId);
    return {
      configuration: fitLabel(data, hardwareId, undefined, lang),
      monthly: moneyCell(mine[0]?.monthlyLocalUsd, 0, lang),
      ...Object.fromEntries(
        mine.flatMap((cell) => [
          [cell.apiId, cell.breakEvenDailyCalls],
          [`${cell.apiId} (book)`, printed.get(`breakeven/${hardwareId}/${cell.apiId}/calls_per_day`)],
        ]),
      ),
    };
  });
  const columns: PageColumn[] = [
    { key: "configuration", label: words.localConfiguration },
    { key: "monthly", label: moneyHeader(words.hMonth, lang), format: "usd0" },
    ...options.apiModelIds.flatMap((id) => [
      { key: id, label: words.versus(findModel(data, id).modelName), format: "integer" as const },
      { key: `${id} (book)`, label: words.hBook, format: "integer" as const },
    ]),
  ];
  return { rows, columns, caption: words.matrixCaption };
}

/** Each configuration that cannot hold the model it stands in for, in a paragraph; "" where every one can. */
export function tooSmallText(data: Dataset, hardwareIds: readonly string[], lang: Lang = DEFAULT_LANG): string {
  return hardwareIds
    .map((id) => ({ id, note: fitNote(hardwareModelFit(data, id), lang) }))
    .filter((entry) => entry.note !== "")
    .map((entry) => BREAK_EVEN_WORDS[lang].tooSmall(findHardware(data, entry.id).name, entry.note))
    .join("\n\n");
}

/** 59.3's same-model section: its sentence, and the table of each server against the API serving its own model (none without a pair). */
export function sameModelSection(data: Dataset, workloadId: string, lang: Lang = DEFAULT_LANG): { text: string; table?: PageTable } {
  const words = BREAK_EVEN_WORDS[lang];
  const sameModel = sameModelComparisons(data, workloadId);
  if (sameModel.length === 0) return { text: words.noSameModel(dataFileName(data, "hardware.csv"), dataFileName(data, "models.csv")) };
  const never = sameModel.filter((row) => !Number.isFinite(row.breakEvenCallsPerDay));
  const rows = sameModel.map((row) => ({
    server: row.serverName,
    model: row.modelName,
    month: formatUsd(row.serverUsdPerMonth, 0, lang),
    full: formatInteger(row.callsPerMonthAtFullLoad, lang),
    perCall: formatUsd(row.usdPerCallAtFullLoad, 5, lang),
    api: formatUsd(row.apiUsdPerCall, 5, lang),
    breakEven: formatInteger(Number.isFinite(row.breakEvenCallsPerDay) ? Math.ceil(row.breakEvenCallsPerDay) : Infinity, lang),
  }));
  const columns: PageColumn[] = [
    { key: "server", label: words.hServer },
    { key: "model", label: words.hServes },
    { key: "month", label: words.hServerMonth },
    { key: "full", label: words.hFullLoad },
    { key: "perCall", label: words.hCallAtFull },
    { key: "api", label: words.hApiCallSame },
    { key: "breakEven", label: words.hSameBreakEven },
  ];
  const files = ["hardware.csv", "throughput.csv", "models.csv"].map((file) => dataFileName(data, file)).join(lang === "en" ? ", " : "、");
  return {
    text: words.sameModelNever(never.length, sameModel.length),
    table: { rows, columns, caption: words.sameModelCaption(workloadId, files) },
  };
}

/** A server the analyst describes, priced by its parts, against one API at a workload. */
export interface ServerWhatIf {
  hardwareCostUsd: number;
  depreciationMonths: number;
  powerUsdPerMonth: number;
  opsUsdPerMonth: number;
  apiModelId: string;
  workload: WorkloadRow;
}

export interface ServerBreakEven {
  apiUsdPerCall: number;
  result: BreakEvenResult;
  /** Figure 59.3c: the server's flat cost against the API's bill, on linear axes. */
  figure: Figure;
}

/** The break-even of a described server against one API, with its figure (the 59.3 what-if). */
export function serverBreakEven(data: Dataset, server: ServerWhatIf): ServerBreakEven {
  const usdPerCall = apiUsdPerCall(data, server.apiModelId, server.workload);
  const result = calculateBreakEven({
    hardwareCost: server.hardwareCostUsd,
    monthlyPowerCost: server.powerUsdPerMonth,
    monthlyOpsCost: server.opsUsdPerMonth,
    depreciationMonths: server.depreciationMonths,
    apiCostPerCall: usdPerCall,
    daysPerMonth: server.workload.daysPerMonth,
  });
  const local = { id: "what-if", name: "What-if server", monthlyUsd: result.totalMonthlyLocalCost };
  const cell: BreakEvenCell = {
    hardwareId: local.id,
    apiId: server.apiModelId,
    monthlyLocalUsd: result.totalMonthlyLocalCost,
    apiUsdPerCall: usdPerCall,
    breakEvenMonthlyCalls: result.breakEvenMonthlyCalls,
    breakEvenDailyCalls: result.breakEvenDailyCalls,
    breakEvenPerHour: result.breakEvenPerHour,
  };
  const figure = breakEvenCurves(
    [local],
    [{ id: server.apiModelId, name: findModel(data, server.apiModelId).modelName, usdPerCall }],
    [cell],
    {
      maxCallsPerDay: Math.max(1000, Math.min(result.breakEvenDailyCalls * 2, 1e6)),
      daysPerMonth: server.workload.daysPerMonth,
      modelColors: modelColors(data),
      hardwareColors: new Map([[local.id, THEME_COLORS.whatIf]]),
      provenance: provenance(data, BREAK_EVEN_FILES),
      number: "59.3c",
      logScale: false,
    },
  );
  return { apiUsdPerCall: usdPerCall, result, figure };
}
