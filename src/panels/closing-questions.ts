/**
 * The what-if panel of the chapter's closing questions (59.9): a longer context served to several sequences at once
 * (which GPU configuration holds the model, Figure 59.9e), a flakier local server (what failover then costs), a smaller
 * share of traffic in an A/B test and longer agent tasks (how many days the test takes). The notebook's What-if cell
 * and the page run this one evaluation.
 */
import { vramChart, type VramBar, type VramLine } from "../charts/vram";
import type { Figure, Provenance } from "../charts/figure";
import { renumberFigure } from "../charts/theme";
import { formatInteger, formatMoney, formatPercent, formatUsd } from "../format";
import { CLOSING_QUESTIONS_WORDS } from "../i18n/closing-questions";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import {
  abTestPlan,
  failoverCost,
  fitsInVram,
  VRAM_HEADROOM,
  vramNeeded,
  type AbTestPlan,
  type FailoverOptions,
  type FailoverResult,
  type ModelArchitecture,
} from "../model";
import { numberControls, type PanelDefinition } from "./definition";
import { checkRanges, type NumberRange, type PanelRanges } from "./ranges";

/** One bit width of a model, as Figure 59.9e draws it. */
export interface VramPanelFormat {
  quantId: string;
  /** Effective bits per weight on this model's size (or the nearest measured). */
  bitsPerWeight: number;
  /** The quality cost written above the bar ("+2.8% ppl"), where measured. */
  qualityNote: string | undefined;
}

export interface VramPanelModel {
  modelId: string;
  /** The model's name in model_architectures.csv. */
  name: string;
  /** What its bars are labelled by: its size ("70B"), else its id. */
  barLabel: string;
  architecture: ModelArchitecture;
  formats: VramPanelFormat[];
}

/** A GPU configuration, smallest first. */
export interface VramPanelConfiguration {
  label: string;
  gpuCount: number;
  totalVramGib: number;
  color: string;
}

export interface ClosingQuestionsPanelInputs {
  /** Tokens each sequence holds in its KV cache. */
  contextTokens: number;
  /** Sequences served at once. */
  concurrentSequences: number;
  /** Hours a month the local server is down. */
  downtimeHoursPerMonth: number;
  /** Percent of the day's calls in the A/B test. */
  testSharePercent: number;
  /** Calls one agent task takes. */
  callsPerTask: number;
}

export const CLOSING_QUESTIONS_PANEL_RANGES: PanelRanges<ClosingQuestionsPanelInputs> = {
  contextTokens: { label: "Context tokens per sequence", min: 1, max: 10_000_000, step: 1 },
  concurrentSequences: { label: "Sequences at once", min: 1, max: 10_000, step: 1 },
  downtimeHoursPerMonth: { label: "Local downtime (hours a month)", min: 0, max: 744, step: 0.5 },
  testSharePercent: { label: "Traffic in the A/B test (%)", min: 1, max: 100, step: 1 },
  callsPerTask: { label: "Calls per agent task", min: 1, max: 10_000, step: 0.1 },
};

export interface ClosingQuestionsPanelSpec {
  kind: "closing-questions";
  title: string;
  vram: {
    models: VramPanelModel[];
    configurations: VramPanelConfiguration[];
    /** The model the summary sizes: the one the case study's server stands in for. */
    focusModelId: string;
    overheadGibPerGpu: number;
    provenance: Provenance;
  };
  failover: Omit<FailoverOptions, "localDowntimeHoursPerMonth"> & {
    hoursPerMonth: number;
    serverName: string;
    cloudName: string;
    /** The downtime failover.csv states, hours a month: what the reader's is set against. */
    dataDowntimeHoursPerMonth: number;
  };
  abTest: {
    baselineModel: string;
    candidateModel: string;
    benchmark: string;
    baselineRate: number;
    candidateRate: number;
    callsPerDay: number;
    /** The notebook's own share of traffic (percent) and calls per task: each what-if moves one of them. */
    testSharePercent: number;
    callsPerTask: number;
  };
  defaults: ClosingQuestionsPanelInputs;
  /** The language of the summary, the controls and the figure: the page's script shows what the notebook showed. */
  lang?: Lang;
}

/** One model at one bit width at the reader's context: its need and the smallest configuration that holds it. */
export interface VramPanelCell {
  modelId: string;
  quantId: string;
  weightsGib: number;
  kvCacheGib: number;
  /** The smallest configuration that holds weights, KV cache and every card's overhead; undefined: none does. */
  smallestFit: string | undefined;
}

export interface ClosingQuestionsPanelResult {
  cells: VramPanelCell[];
  failover: FailoverResult;
  /** The same server down for failover.csv's hours, for the difference. */
  dataFailover: FailoverResult;
  /** The A/B test at the reader's share (the notebook's calls per task), and at the reader's calls per task (its share). */
  smallerShare: AbTestPlan;
  longerTasks: AbTestPlan;
  summary: string;
  figure: Figure;
}

/** The ranges, the downtime's capped at the hours of the scenario's month. */
function rangesOf(spec: ClosingQuestionsPanelSpec): PanelRanges<ClosingQuestionsPanelInputs> {
  const downtime: NumberRange = { ...CLOSING_QUESTIONS_PANEL_RANGES.downtimeHoursPerMonth, max: spec.failover.hoursPerMonth };
  return { ...CLOSING_QUESTIONS_PANEL_RANGES, downtimeHoursPerMonth: downtime };
}

/** The ranges with their labels in the spec's language: what the controls show. */
function labelledRanges(spec: ClosingQuestionsPanelSpec): PanelRanges<ClosingQuestionsPanelInputs> {
  const ranges = rangesOf(spec);
  if ((spec.lang ?? DEFAULT_LANG) === DEFAULT_LANG) return ranges;
  const words = CLOSING_QUESTIONS_WORDS[spec.lang ?? DEFAULT_LANG];
  return {
    contextTokens: { ...ranges.contextTokens, label: words.contextControl },
    concurrentSequences: { ...ranges.concurrentSequences, label: words.sequencesControl },
    downtimeHoursPerMonth: { ...ranges.downtimeHoursPerMonth, label: words.downtimeControl },
    testSharePercent: { ...ranges.testSharePercent, label: words.shareControl },
    callsPerTask: { ...ranges.callsPerTask, label: words.callsPerTaskControl },
  };
}

/** English writes dollars, which the page shows in the display currency; another language writes its own money. */
const moneyIn = (usd: number, lang: Lang) => (lang === DEFAULT_LANG ? formatMoney(usd, "USD", 0) : formatUsd(usd, 0, lang));
const hours = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 1 });

/** Every model at every bit width against every configuration, at a context and a number of sequences. */
function vramCells(spec: ClosingQuestionsPanelSpec, inputs: ClosingQuestionsPanelInputs): VramPanelCell[] {
  const { models, configurations, overheadGibPerGpu } = spec.vram;
  return models.flatMap((model) =>
    model.formats.map((format) => {
      const sizing = {
        bitsPerWeight: format.bitsPerWeight,
        contextTokens: inputs.contextTokens,
        concurrentSequences: inputs.concurrentSequences,
        overheadGibPerGpu,
      };
      const need = vramNeeded(model.architecture, sizing);
      // Configurations come smallest first: the first that holds it is the least hardware that serves it.
      const smallest = configurations.find(
        (config) =>
          fitsInVram(model.architecture, sizing, { gpuCount: config.gpuCount, vramGibPerGpu: config.totalVramGib / config.gpuCount }).fits,
      );
      return {
        modelId: model.modelId,
        quantId: format.quantId,
        weightsGib: need.weightsGib,
        kvCacheGib: need.kvCacheGib,
        smallestFit: smallest?.label,
      };
    }),
  );
}

/** Figure 59.9e: the bars of every model and bit width against the room each configuration leaves. */
function vramFigureOf(spec: ClosingQuestionsPanelSpec, inputs: ClosingQuestionsPanelInputs, cells: VramPanelCell[]): Figure {
  const lang = spec.lang ?? DEFAULT_LANG;
  const { models, configurations, overheadGibPerGpu, provenance } = spec.vram;
  const bars: VramBar[] = cells.map((cell) => {
    const model = models.find((candidate) => candidate.modelId === cell.modelId) as VramPanelModel;
    const format = model.formats.find((candidate) => candidate.quantId === cell.quantId);
    return {
      label: `${model.barLabel} ${cell.quantId.toUpperCase()}`,
      weightsGib: cell.weightsGib,
      kvCacheGib: cell.kvCacheGib,
      qualityNote: format?.qualityNote,
    };
  });
  const lines: VramLine[] = configurations.map((config) => ({
    label: config.label,
    totalVramGib: config.totalVramGib,
    usableGib: config.totalVramGib * (1 - VRAM_HEADROOM) - overheadGibPerGpu * config.gpuCount,
    color: config.color,
  }));
  const figure = vramChart(bars, lines, {
    contextTokens: inputs.contextTokens,
    concurrentSequences: inputs.concurrentSequences,
    overheadGibPerGpu,
    headroom: VRAM_HEADROOM,
    provenance,
    lang,
  });
  return renumberFigure(figure, "59.9e");
}

/** The four closing questions at the reader's inputs: the VRAM figure, and a line of advice for each question. */
export function evaluateClosingQuestionsPanel(
  spec: ClosingQuestionsPanelSpec,
  inputs: ClosingQuestionsPanelInputs,
): ClosingQuestionsPanelResult {
  checkRanges(labelledRanges(spec), inputs, spec.lang);
  const cells = vramCells(spec, inputs);
  const { hoursPerMonth, serverName, cloudName, dataDowntimeHoursPerMonth, ...scenario } = spec.failover;
  const failover = failoverCost({ ...scenario, hoursPerMonth, localDowntimeHoursPerMonth: inputs.downtimeHoursPerMonth });
  const dataFailover = failoverCost({ ...scenario, hoursPerMonth, localDowntimeHoursPerMonth: dataDowntimeHoursPerMonth });
  const ab = spec.abTest;
  const plan = (testSharePercent: number, callsPerTask: number) =>
    abTestPlan({
      baselineRate: ab.baselineRate,
      candidateRate: ab.candidateRate,
      callsPerDay: ab.callsPerDay,
      testShare: testSharePercent / 100,
      callsPerTask,
    });
  const smallerShare = plan(inputs.testSharePercent, ab.callsPerTask);
  const longerTasks = plan(ab.testSharePercent, inputs.callsPerTask);

  const lang = spec.lang ?? DEFAULT_LANG;
  const words = CLOSING_QUESTIONS_WORDS[lang];
  const money = (usd: number) => moneyIn(usd, lang);
  const days = (plan: AbTestPlan) => words.panelDays(Number.isFinite(plan.days) ? plan.days : undefined);
  // Plain sentences: the page shows the summary as text.
  const focus = spec.vram.models.find((model) => model.modelId === spec.vram.focusModelId);
  const focusName = focus?.name ?? spec.vram.focusModelId;
  const focusCells = cells.filter((cell) => cell.modelId === spec.vram.focusModelId);
  const formats = focusCells.map((cell) =>
    words.smallestFit((cell.weightsGib + cell.kvCacheGib).toFixed(0), cell.quantId.toUpperCase(), cell.smallestFit),
  );
  const context = words.panelContext(
    formatInteger(inputs.contextTokens),
    words.sequences(formatInteger(inputs.concurrentSequences), inputs.concurrentSequences === 1),
  );
  const vramLine = focusCells.some((cell) => cell.smallestFit !== undefined)
    ? words.vramFits(context, focusName, formats)
    : words.vramNone(context, focusName, formats);
  const extra = failover.cloudUsdPerMonth - dataFailover.cloudUsdPerMonth;
  const failoverLine =
    words.failoverLine(
      hours(inputs.downtimeHoursPerMonth),
      serverName,
      cloudName,
      formatPercent(failover.availabilityWithFailover * 100, 3),
      money(failover.cloudUsdPerMonth),
    ) +
    (Math.abs(extra) < 0.5
      ? words.asAtData(hours(dataDowntimeHoursPerMonth))
      : words.againstData(money(Math.abs(extra)), extra > 0, hours(dataDowntimeHoursPerMonth)));
  const baseDays = plan(ab.testSharePercent, ab.callsPerTask);
  const shareLine = words.shareLine(
    formatPercent(inputs.testSharePercent, 0),
    formatInteger(ab.callsPerDay),
    ab.baselineModel,
    ab.candidateModel,
    hours(ab.callsPerTask),
    days(smallerShare),
    days(baseDays),
    formatPercent(ab.testSharePercent, 0),
  );
  const tasksLine = words.tasksLine(
    hours(inputs.callsPerTask),
    formatPercent(ab.testSharePercent, 0),
    formatInteger(longerTasks.tasksPerArm),
    formatInteger(longerTasks.callsPerArm),
    days(longerTasks),
  );
  // Chinese sentences end in 。 and need no space between them.
  const summary = [vramLine, failoverLine, shareLine, tasksLine].join(lang === DEFAULT_LANG ? " " : "");
  return { cells, failover, dataFailover, smallerShare, longerTasks, summary, figure: vramFigureOf(spec, inputs, cells) };
}

/** On a phone the bars stand too close for a label above each: their totals and quality costs are left to a tap. */
export function narrowVramFigure(figure: Figure): Figure {
  const annotations = (figure.layout.annotations ?? []).filter((annotation) => annotation.xref !== "x");
  return { ...figure, layout: { ...figure.layout, annotations } };
}

/** The panel as the page offers it: a context and its sequences, a server's downtime, the test's share and a task's calls. */
export const CLOSING_QUESTIONS_PANEL: PanelDefinition<ClosingQuestionsPanelSpec, ClosingQuestionsPanelInputs> = {
  kind: "closing-questions",
  computes: { en: "the four answers", "zh-CN": "四个问题的答案" },
  controls: (spec) => {
    const r = labelledRanges(spec);
    const d = spec.defaults;
    return [...numberControls(r, d, ["contextTokens", "concurrentSequences", "downtimeHoursPerMonth", "testSharePercent", "callsPerTask"])];
  },
  show: (spec, values, view) => {
    const evaluated = evaluateClosingQuestionsPanel(spec, values);
    const focus = evaluated.cells.filter((cell) => cell.modelId === spec.vram.focusModelId);
    return {
      summary: evaluated.summary,
      figure: view.narrow ? narrowVramFigure(evaluated.figure) : evaluated.figure,
      attributes: {
        "data-smallest-fit": focus.map((cell) => `${cell.quantId}:${cell.smallestFit ?? "none"}`).join(" "),
        "data-fallback-usd": evaluated.failover.cloudUsdPerMonth.toFixed(2),
        "data-test-days": String(evaluated.smallerShare.days),
        "data-long-task-days": String(evaluated.longerTasks.days),
      },
    };
  },
};
