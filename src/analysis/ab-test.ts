/** How many calls an A/B test needs before switching models (59.9d). */
import { InputError } from "../errors";
import type { Dataset } from "../data";
import { abTestPlan, nonInferiorityPlan, nonInferioritySampleSize, twoProportionSampleSize, type AbTestPlan } from "../model";
import { LINE_COLORS, sampleSizeChart, type Figure, type SampleSizeLine } from "../charts";
import { CLOSING_QUESTIONS_WORDS } from "../i18n/closing-questions";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { provenance } from "./figure-context";
import { findModel } from "./lookup";

/** A benchmark score as a success rate, 0–1 (percent benchmarks only). */
export function successRate(data: Dataset, modelId: string, benchmark: string): number {
  const row = data.benchmarks.find((candidate) => candidate.modelId === modelId && candidate.benchmark === benchmark);
  if (!row) throw new InputError(`no benchmarks.csv row for ${modelId} on ${JSON.stringify(benchmark)}`);
  if (row.unit !== "percent") throw new InputError(`${benchmark} is scored in ${row.unit}, not as a success rate`);
  return row.score / 100;
}

export interface AbTestDesign {
  /** Calls one agent task takes on average: success is judged per task, so each task costs this many calls. Default 1. */
  callsPerTask?: number;
  /** Share of daily calls in the test, split evenly between the arms. Default 1. */
  testShare?: number;
  alpha?: number;
  power?: number;
}

export interface ModelSwitchTest {
  baselineModel: string;
  candidateModel: string;
  baselineRate: number;
  candidateRate: number;
  /** Two-sided test able to detect the benchmark gap. */
  plan: AbTestPlan;
  /**
   * One-sided test that the candidate, planned as good as the baseline, is no worse by more than the margin;
   * `atBenchmarkGap` plans the same test for a candidate as far behind as the benchmark says (Infinity when the
   * gap reaches the margin).
   */
  nonInferiority?: AbTestPlan & { marginPoints: number; atBenchmarkGap: AbTestPlan };
}

/**
 * The A/B tests that would settle a switch between two models on live traffic: the two-sided test that detects
 * their benchmark gap, and, given a margin, the one-sided non-inferiority test a "no worse than" decision needs.
 */
export function modelSwitchTest(
  data: Dataset,
  options: AbTestDesign & {
    baselineModelId: string;
    candidateModelId: string;
    benchmark: string;
    callsPerDay: number;
    nonInferiorityMarginPoints?: number;
  },
): ModelSwitchTest {
  const baselineRate = successRate(data, options.baselineModelId, options.benchmark);
  const candidateRate = successRate(data, options.candidateModelId, options.benchmark);
  const traffic = { callsPerDay: options.callsPerDay, testShare: options.testShare, callsPerTask: options.callsPerTask };
  const margin = options.nonInferiorityMarginPoints;
  return {
    baselineModel: findModel(data, options.baselineModelId).modelName,
    candidateModel: findModel(data, options.candidateModelId).modelName,
    baselineRate,
    candidateRate,
    plan: abTestPlan({ baselineRate, candidateRate, alpha: options.alpha, power: options.power, ...traffic }),
    ...(margin === undefined
      ? {}
      : {
          nonInferiority: {
            marginPoints: margin,
            ...nonInferiorityPlan({ baselineRate, margin: margin / 100, alpha: options.alpha, power: options.power, ...traffic }),
            atBenchmarkGap: nonInferiorityPlan({
              baselineRate,
              candidateRate,
              margin: margin / 100,
              alpha: options.alpha,
              power: options.power,
              ...traffic,
            }),
          },
        }),
  };
}

export interface SampleSizePoint {
  /** The drop to detect, or for a non-inferiority test the margin, percentage points. */
  dropPoints: number;
  tasksPerArm: number;
  callsPerArm: number;
}

function curvePoint(dropPoints: number, tasksExact: number, callsPerTask: number): SampleSizePoint {
  const tasksPerArm = Math.ceil(tasksExact);
  return { dropPoints, tasksPerArm, callsPerArm: Math.ceil(tasksPerArm * callsPerTask) };
}

/** Tasks and calls per arm over a range of detectable drops (percentage points) from a baseline rate, two-sided. */
export function sampleSizeCurve(
  baselineRate: number,
  dropsPoints: readonly number[],
  options: { alpha?: number; power?: number; callsPerTask?: number } = {},
): SampleSizePoint[] {
  return dropsPoints.map((dropPoints) =>
    curvePoint(
      dropPoints,
      twoProportionSampleSize({ baselineRate, candidateRate: baselineRate - dropPoints / 100, alpha: options.alpha, power: options.power }),
      options.callsPerTask ?? 1,
    ),
  );
}

/** Tasks and calls per arm over a range of non-inferiority margins (points), one-sided, for a candidate as good as the baseline. */
export function nonInferiorityCurve(
  baselineRate: number,
  marginsPoints: readonly number[],
  options: { alpha?: number; power?: number; callsPerTask?: number } = {},
): SampleSizePoint[] {
  return marginsPoints.map((marginPoints) =>
    curvePoint(
      marginPoints,
      nonInferioritySampleSize({ baselineRate, margin: marginPoints / 100, alpha: options.alpha, power: options.power }),
      options.callsPerTask ?? 1,
    ),
  );
}

/** Figure 59.9d: calls per arm by detectable drop at two power levels and by non-inferiority margin, with one model switch marked. */
export function sampleSizeFigure(
  data: Dataset,
  options: AbTestDesign & {
    baselineModelId: string;
    candidateModelId: string;
    benchmark: string;
    callsPerDay: number;
    testShare: number;
    powers?: readonly number[];
    nonInferiorityMarginPoints?: number;
    lang?: Lang;
  },
): Figure {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = CLOSING_QUESTIONS_WORDS[lang];
  const powers = options.powers ?? [0.8, 0.9];
  const test = modelSwitchTest(data, { ...options, power: powers[0] });
  const drops = Array.from({ length: 19 }, (_, index) => 1 + index * 0.5);
  const alpha = options.alpha ?? 0.05;
  const callsPerTask = options.callsPerTask ?? 1;
  const lines: SampleSizeLine[] = powers.map((power, index) => ({
    label: words.detectLine(Math.round(power * 100), alpha),
    endLabel: words.detectEnd(Math.round(power * 100)),
    color: LINE_COLORS[index % LINE_COLORS.length] as string,
    points: sampleSizeCurve(test.baselineRate, drops, { alpha, power, callsPerTask }),
  }));
  if (options.nonInferiorityMarginPoints !== undefined) {
    lines.push({
      label: words.noWorseLine(Math.round((powers[0] as number) * 100), alpha),
      endLabel: words.noWorseEnd(Math.round((powers[0] as number) * 100)),
      color: LINE_COLORS[powers.length % LINE_COLORS.length] as string,
      points: nonInferiorityCurve(test.baselineRate, drops, { alpha, power: powers[0], callsPerTask }),
      dash: "dash",
      goal: words.goalNoWorse,
    });
  }
  return sampleSizeChart(lines, {
    baselineRate: test.baselineRate,
    testCallsPerDay: options.callsPerDay * options.testShare,
    callsPerTask,
    highlight: {
      label: words.switchLabel(test.baselineModel, test.candidateModel, options.benchmark),
      dropPoints: +((test.baselineRate - test.candidateRate) * 100).toFixed(2),
      tasksPerArm: test.plan.tasksPerArm,
      callsPerArm: test.plan.callsPerArm,
      days: test.plan.days,
    },
    provenance: provenance(data, ["benchmarks.csv", "models.csv"]),
    lang,
  });
}
