/**
 * The closing questions' page (59.9) as it reads: each question's finding and tables in the page's language, from the
 * same analyses in every language. English is what the page has always printed; another language only changes the
 * words and how money is written.
 */
import type { Dataset } from "../data";
import { formatInteger, formatPercent, formatUsd } from "../format";
import { CLOSING_QUESTIONS_WORDS } from "../i18n/closing-questions";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { modelSwitchTest } from "./ab-test";
import { perHourBreakEvenNote } from "./busiest-hour";
import type { PageTable } from "./page-table";
import { apiUsdPerCall } from "./cost";
import { failoverFromData } from "./failover";
import { dataFileName } from "./figure-context";
import { findHardware, findModel, findWorkload } from "./lookup";
import { hardwareMonthlyCost } from "./model-inputs";
import { opsFteLimit } from "../model";
import { opsSweepFromData } from "./ops-cost";
import { callContextTokens, gpuConfigurations, quantisationLevels, vramTable } from "./vram";

/** The VRAM question's inputs: a context (null: one call's), the sequences served at once and each card's overhead. */
export interface VramQuestion {
  contextTokens: number | null;
  concurrentSequences: number;
  overheadGibPerGpu: number;
}

/** The tokens a sequence holds: the question's, or one call's input plus output. */
const tokensOf = (data: Dataset, question: VramQuestion) => question.contextTokens ?? callContextTokens(data);

/** The case study's server and the model and format it stands in for (hardware.csv serves_model_id, serves_quant_id). */
export function caseServer(data: Dataset) {
  const hardware = findHardware(data, data.caseStudy[0]?.localHardwareId ?? "");
  return { hardware, modelId: hardware.servesModelId ?? "", quantId: hardware.servesQuantId };
}

/** What the case study's server needs for the model it stands in for, and which formats of it fit. */
export function vramFinding(data: Dataset, question: VramQuestion, lang: Lang = DEFAULT_LANG): string {
  const words = CLOSING_QUESTIONS_WORDS[lang];
  const workload = findWorkload(data);
  const callTokens = tokensOf(data, question);
  const cells = vramTable(data, { ...question, contextTokens: callTokens });
  const { hardware, modelId, quantId } = caseServer(data);
  const served = cells.find((cell) => cell.modelId === modelId && cell.quantId === quantId);
  const server = gpuConfigurations(data).find((config) => config.hardwareIds.includes(hardware.hardwareId));
  const fit = served !== undefined && server !== undefined ? served.byConfiguration[server.label] : undefined;
  const fits = cells
    .filter((cell) => cell.modelId === modelId && server !== undefined && cell.fits[server.label])
    .map((cell) => cell.quantId.toUpperCase());
  const spare = fit !== undefined ? fit.availableGiB - fit.requiredGiB : 0;
  const context =
    question.contextTokens === null
      ? words.contextOfCall(
          formatInteger(callTokens),
          formatInteger(workload.inputTokensPerCall),
          formatInteger(workload.outputTokensPerCall),
        )
      : words.contextOf(formatInteger(callTokens));
  // A missing value prints as English always printed it ("undefined"): English stays as it was.
  return words.vram({
    model: `${served?.model}`,
    bitsLabel: `${served?.bitsLabel}`,
    format: `${served?.quantId.toUpperCase()}`,
    bitsPerWeight: `${served?.bitsPerWeight.toFixed(2)}`,
    measuredOn: `${served?.measuredOn}`,
    weights: `${served?.weightsGib.toFixed(1)}`,
    context,
    sequences: String(question.concurrentSequences),
    kvCache: `${served?.kvCacheGib.toFixed(1)}`,
    overhead: String(question.overheadGibPerGpu),
    cards: `${server?.gpuCount}`,
    required: `${fit?.requiredGiB.toFixed(1)}`,
    available: `${fit?.availableGiB.toFixed(1)}`,
    server: `${server?.label}`,
    fits: fits.join(lang === DEFAULT_LANG ? ", " : "、"),
    servedFits: fit?.fits ?? false,
    spare: spare.toFixed(2),
    overheadLimit: (question.overheadGibPerGpu + spare / (server?.gpuCount ?? 1)).toFixed(2),
    chapterQuote: data.publishedFigures.some((figure) => figure.figureId === "case/vram/q4_weights_gb"),
    served: served !== undefined && fit !== undefined,
  });
}

/** Every model at every format: bits, weights, KV cache and the configurations it fits. */
export function vramPageTable(data: Dataset, question: VramQuestion, lang: Lang = DEFAULT_LANG): PageTable {
  const words = CLOSING_QUESTIONS_WORDS[lang];
  const callTokens = tokensOf(data, question);
  const configurations = gpuConfigurations(data);
  return {
    rows: vramTable(data, { ...question, contextTokens: callTokens }).map((cell) => ({
      model: cell.model,
      quant: cell.quantId.toUpperCase(),
      bits: cell.bitsPerWeight,
      measuredOn: cell.measuredOn,
      weights: cell.weightsGib,
      kv: cell.kvCacheGib,
      fits:
        configurations
          .filter((config) => cell.fits[config.label])
          .map((config) => config.label)
          .join(lang === DEFAULT_LANG ? ", " : "、") || words.fitsNone,
    })),
    columns: [
      { key: "model", label: words.hModel },
      { key: "quant", label: words.hFormat },
      { key: "bits", label: words.hBits, format: "number" },
      { key: "measuredOn", label: words.hBitsMeasuredOn },
      { key: "weights", label: words.hWeights, format: "decimal1" },
      { key: "kv", label: words.hKvCache, format: "decimal1" },
      { key: "fits", label: words.hFits },
    ],
    caption: words.vramCaption(formatInteger(callTokens), question.concurrentSequences, question.overheadGibPerGpu),
  };
}

/** What each format costs in quality, as quantisation.csv measures it. */
export function quantisationPageTable(data: Dataset, lang: Lang = DEFAULT_LANG): PageTable {
  const words = CLOSING_QUESTIONS_WORDS[lang];
  return {
    rows: quantisationLevels(data).map((level) => ({
      quant: level.quantId.toUpperCase(),
      bits: level.bitsPerWeight,
      model: level.referenceModel,
      cost: level.perplexityIncreasePercent,
      kld: level.kldVsFp16,
    })),
    columns: [
      { key: "quant", label: words.hFormat },
      { key: "bits", label: words.hBits, format: "number" },
      { key: "model", label: words.hMeasuredOn },
      { key: "cost", label: words.hPerplexity, format: "number" },
      { key: "kld", label: words.hKld, format: "number" },
    ],
    caption: words.qualityCaption(dataFileName(data, "quantisation.csv")),
  };
}

/** The failover scenario: calls served alone and with the cloud behind it, and what the cloud costs. */
export function failoverFinding(data: Dataset, scenarioId: string, lang: Lang = DEFAULT_LANG): string {
  const failover = failoverFromData(data, scenarioId);
  const row = data.failover.find((candidate) => candidate.scenarioId === scenarioId);
  const result = failover.result;
  return CLOSING_QUESTIONS_WORDS[lang].failover({
    server: failover.hardware.name,
    callsPerMonth: formatInteger(failover.callsPerMonth),
    downtime: `${row?.localDowntimeHoursPerMonth}`,
    outages: `${row?.outagesPerMonth}`,
    alone: formatPercent(result.availabilityLocalOnly * 100, 2),
    cloud: findModel(data, failover.cloudModelId).modelName,
    withFailover: formatPercent(result.availabilityWithFailover * 100, 3),
    lost: formatInteger(result.failedCallsPerMonth),
    lostAlone: formatInteger(failover.callsPerMonth * (1 - result.availabilityLocalOnly)),
    fallback: formatUsd(result.cloudUsdPerMonth, 2, lang),
    serverMonth: formatUsd(result.totalUsdPerMonth - result.cloudUsdPerMonth, 2, lang),
  });
}

/** The hidden ops question's inputs: a server against an API. */
export interface OpsQuestion {
  hardwareId: string;
  apiModelId: string;
}

/** The volume the ops question is judged at: the server's failover scenario's, else the workload's. */
export function opsVolume(data: Dataset, hardwareId: string): number {
  return data.failover.find((row) => row.hardwareId === hardwareId)?.callsPerDay ?? findWorkload(data).callsPerDay;
}

/** The break-even as operations take more of an engineer, and the share past which local stops paying. */
export function opsFinding(data: Dataset, question: OpsQuestion, lang: Lang = DEFAULT_LANG): string {
  const workload = findWorkload(data);
  const hardware = findHardware(data, question.hardwareId);
  const cost = hardwareMonthlyCost(hardware, workload.daysPerMonth);
  const hardwareOnlyUsd = cost.basis === "itemised" ? cost.depreciationUsd + cost.powerUsd : cost.totalUsd;
  const volume = opsVolume(data, question.hardwareId);
  const salary = hardware.opsSalaryUsdPerMonth ?? 10000;
  const limit = opsFteLimit({
    hardwareUsdPerMonth: hardwareOnlyUsd,
    apiUsdPerCall: apiUsdPerCall(data, question.apiModelId, workload),
    callsPerDay: volume,
    salaryUsdPerMonth: salary,
    daysPerMonth: workload.daysPerMonth,
  });
  const sweep = opsSweepFromData(data, question.hardwareId, question.apiModelId, [0, 0.2, 0.5, 1], [salary]);
  const at = (index: number) => formatInteger(sweep[index]?.breakEvenDailyCalls ?? 0);
  return CLOSING_QUESTIONS_WORDS[lang].ops({
    server: hardware.name,
    none: at(0),
    chapter: at(1),
    half: at(2),
    full: at(3),
    volume: formatInteger(volume),
    limit: limit.toFixed(2),
    perHour: perHourBreakEvenNote(data, sweep[1]?.breakEvenDailyCalls ?? 0, undefined, lang),
  });
}

/** The A/B question's inputs: the two models, the benchmark that scores both, the traffic and the test's design. */
export interface AbQuestion {
  baselineModelId: string;
  candidateModelId: string;
  benchmark: string;
  callsPerDay: number;
  testShare: number;
  callsPerTask: number;
  nonInferiorityMarginPoints: number;
}

/** How long the A/B test takes counted per call and per task, and the non-inferiority test beside it. */
export function abFinding(data: Dataset, question: AbQuestion, lang: Lang = DEFAULT_LANG): string {
  const words = CLOSING_QUESTIONS_WORDS[lang];
  const { baselineModelId, candidateModelId, benchmark, callsPerDay, testShare } = question;
  const test = modelSwitchTest(data, { ...question });
  const perCall = modelSwitchTest(data, { baselineModelId, candidateModelId, benchmark, callsPerDay, testShare });
  const gap = (test.baselineRate - test.candidateRate) * 100;
  const margin = question.nonInferiorityMarginPoints;
  const nonInferiority = test.nonInferiority;
  return [
    words.ab({
      baseline: test.baselineModel,
      baselineRate: formatPercent(test.baselineRate * 100),
      benchmark,
      candidate: test.candidateModel,
      candidateRate: formatPercent(test.candidateRate * 100),
      gap: gap.toFixed(1),
      perCallCalls: formatInteger(perCall.plan.callsPerArm),
      perCallDays: String(perCall.plan.days),
      tasks: formatInteger(test.plan.tasksPerArm),
      callsPerTask: String(question.callsPerTask),
      calls: formatInteger(test.plan.callsPerArm),
      days: String(test.plan.days),
      share: formatPercent(testShare * 100, 0),
      dailyCalls: formatInteger(callsPerDay),
    }),
    nonInferiority === undefined
      ? ""
      : words.nonInferiority({
          margin: String(margin),
          tasks: formatInteger(nonInferiority.tasksPerArm),
          calls: formatInteger(nonInferiority.callsPerArm),
          days: String(nonInferiority.days),
          gap: gap.toFixed(1),
          possible: Number.isFinite(nonInferiority.atBenchmarkGap.tasksPerArm),
          left: (margin - gap).toFixed(1),
          gapTasks: formatInteger(nonInferiority.atBenchmarkGap.tasksPerArm),
          gapDays: formatInteger(nonInferiority.atBenchmarkGap.days),
        }),
    words.quadruples,
  ]
    .filter((text) => text !== "")
    .join("\n\n");
}
