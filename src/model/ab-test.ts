/**
 * A/B testing a model switch (the chapter's fourth closing question): how many tasks it takes to detect a
 * given drop in task success rate (two-sided two-proportion z-test) or to show that the candidate is no worse
 * than the current model by more than a margin (one-sided non-inferiority test), and how many calls and days
 * that takes when each task spans several calls.
 */
import { InputError } from "../errors";

/** Inverse of the standard normal cumulative distribution (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new InputError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tail = 0.02425;
  let x: number;
  if (p < tail) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p > 1 - tail) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  }
  return x;
}

export interface SampleSizeOptions {
  /** Task success rate of the current model, 0–1. */
  baselineRate: number;
  /** Success rate of the candidate that the test must be able to detect, 0–1. */
  candidateRate: number;
  /** False-alarm rate, two-sided. Default 0.05. */
  alpha?: number;
  /** Chance of detecting a real difference of that size. Default 0.8. */
  power?: number;
}

/**
 * Trials per arm for a two-sided two-proportion z-test (pooled variance under the null); a trial is whatever
 * success is judged on, a task for an agent:
 * n = (z₁₋α/₂·√(2p̄q̄) + z₁₋β·√(p₁q₁ + p₂q₂))² / (p₁ − p₂)². Not rounded, so callers choose how.
 */
export function twoProportionSampleSize(options: SampleSizeOptions): number {
  const { baselineRate: p1, candidateRate: p2 } = options;
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  for (const [name, value] of [
    ["baselineRate", p1],
    ["candidateRate", p2],
    ["alpha", alpha],
    ["power", power],
  ] as const) {
    if (!(value > 0 && value < 1)) throw new InputError(`twoProportionSampleSize: ${name} must be in (0, 1), got ${value}`);
  }
  if (p1 === p2) return Infinity;
  const mean = (p1 + p2) / 2;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const numerator = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return numerator ** 2 / (p1 - p2) ** 2;
}

export interface NonInferiorityOptions {
  /** Task success rate of the current model, 0–1. */
  baselineRate: number;
  /** The candidate's true success rate the test is planned for, 0–1. Default: the baseline's (as good). */
  candidateRate?: number;
  /** Largest drop in success rate still accepted, as a rate: 0.03 is 3 percentage points. */
  margin: number;
  /** Chance of accepting a candidate that is worse by the margin or more, one-sided. Default 0.05. */
  alpha?: number;
  /** Chance of accepting a candidate that is as good as planned. Default 0.8. */
  power?: number;
}

/**
 * Tasks per arm for a one-sided non-inferiority test of two proportions (unpooled variance, the usual
 * planning formula): n = (z₁₋α + z₁₋β)² · (p₁q₁ + p₂q₂) / (p₂ − p₁ + δ)². Infinity when the planned candidate
 * is already worse than the margin allows. Not rounded.
 */
export function nonInferioritySampleSize(options: NonInferiorityOptions): number {
  const p1 = options.baselineRate;
  const p2 = options.candidateRate ?? p1;
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  for (const [name, value] of [
    ["baselineRate", p1],
    ["candidateRate", p2],
    ["alpha", alpha],
    ["power", power],
  ] as const) {
    if (!(value > 0 && value < 1)) throw new InputError(`nonInferioritySampleSize: ${name} must be in (0, 1), got ${value}`);
  }
  if (!(options.margin > 0 && options.margin < 1))
    throw new InputError(`nonInferioritySampleSize: margin must be in (0, 1), got ${options.margin}`);
  const distance = p2 - p1 + options.margin;
  if (distance <= 0) return Infinity;
  const z = normalQuantile(1 - alpha) + normalQuantile(power);
  return (z ** 2 * (p1 * (1 - p1) + p2 * (1 - p2))) / distance ** 2;
}

export interface AbTestPlan {
  /** Whole tasks per arm (rounded up): success is judged per task. */
  tasksPerArm: number;
  /** Calls per arm: tasks × calls per task. */
  callsPerArm: number;
  callsInTotal: number;
  /** Whole days at the given volume and share of traffic in the test. */
  days: number;
}

export interface TrafficOptions {
  /** Calls the agent makes a day. */
  callsPerDay: number;
  /** Share of those calls in the test, split evenly between the arms, (0, 1]. Default 1. */
  testShare?: number;
  /** Calls one task takes on average (an agent task spans several). Default 1: every call is judged on its own. */
  callsPerTask?: number;
}

/** Turns tasks per arm into calls and days at a volume. */
export function planFromTasks(tasksPerArmExact: number, traffic: TrafficOptions): AbTestPlan {
  const share = traffic.testShare ?? 1;
  if (!(share > 0 && share <= 1)) throw new InputError("abTestPlan: testShare must be in (0, 1]");
  const callsPerTask = traffic.callsPerTask ?? 1;
  if (!(callsPerTask >= 1 && Number.isFinite(callsPerTask)))
    throw new InputError(`abTestPlan: callsPerTask must be at least 1, got ${callsPerTask}`);
  const tasksPerArm = Math.ceil(tasksPerArmExact);
  const callsPerArm = Math.ceil(tasksPerArm * callsPerTask);
  const callsInTotal = 2 * callsPerArm;
  return {
    tasksPerArm,
    callsPerArm,
    callsInTotal,
    days: traffic.callsPerDay > 0 ? Math.ceil(callsInTotal / (traffic.callsPerDay * share)) : Infinity,
  };
}

/** Tasks, calls and days a two-sided A/B test needs when `testShare` of `callsPerDay` is split evenly between the two models. */
export function abTestPlan(options: SampleSizeOptions & TrafficOptions): AbTestPlan {
  return planFromTasks(twoProportionSampleSize(options), options);
}

/** Tasks, calls and days a one-sided non-inferiority test needs at a volume. */
export function nonInferiorityPlan(options: NonInferiorityOptions & TrafficOptions): AbTestPlan {
  return planFromTasks(nonInferioritySampleSize(options), options);
}
