/**
 * Quality from sourced scores, never from a hand label: a model's score on the edition's reference benchmark (the
 * one `benchmarks.csv` scores the most models on) and a tier computed from it by one stated rule.
 */
import type { Dataset } from "../data";

/** A tier computed from a score; `no rating` where the model has no score on the reference benchmark. */
export type ScoreTier = "top" | "middle" | "low" | "no rating";

/** Shares of the best score on the reference benchmark at or above which a model is in the `top` and `middle` tiers. */
export const TIER_SHARES = { top: 0.9, middle: 0.6 } as const;

export interface Quality {
  tier: ScoreTier;
  /** The reference benchmark, undefined when the edition has no scores. */
  benchmark: string | undefined;
  /** The model's score there, in `unit`; undefined for `no rating`. */
  score: number | undefined;
  unit: "points" | "percent" | undefined;
  /** The score over the best score on the benchmark (0–1); undefined for `no rating`. */
  shareOfBest: number | undefined;
}

/** The benchmark with scores for the most models; among equals, the first listed in benchmarks.csv. */
export function referenceBenchmark(data: Dataset): string | undefined {
  const counts = new Map<string, number>();
  for (const row of data.benchmarks) counts.set(row.benchmark, (counts.get(row.benchmark) ?? 0) + 1);
  let best: string | undefined;
  for (const [benchmark, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = benchmark;
  return best;
}

/** A model's quality on the reference benchmark, its tier by the rule `qualityRule` states. */
export function qualityOf(data: Dataset, modelId: string | undefined): Quality {
  const benchmark = referenceBenchmark(data);
  const rows = data.benchmarks.filter((row) => row.benchmark === benchmark);
  const best = Math.max(0, ...rows.map((row) => row.score));
  const row = modelId === undefined ? undefined : rows.find((candidate) => candidate.modelId === modelId);
  if (!row || !(best > 0)) return { tier: "no rating", benchmark, score: undefined, unit: undefined, shareOfBest: undefined };
  const share = row.score / best;
  return { tier: share >= TIER_SHARES.top ? "top" : share >= TIER_SHARES.middle ? "middle" : "low", benchmark, score: row.score, unit: row.unit, shareOfBest: share };
}

/** The tier rule in one sentence, for the page that shows a tier. */
export function qualityRule(data: Dataset): string {
  const benchmark = referenceBenchmark(data);
  if (benchmark === undefined) return "The data has no benchmark scores: every option is shown with no rating.";
  const scored = data.benchmarks.filter((row) => row.benchmark === benchmark).length;
  const pct = (share: number) => `${Math.round(share * 100)}%`;
  return (
    `Quality is the score on ${benchmark}, the benchmark benchmarks.csv scores the most models on (${scored}); ` +
    `a tier is the score against the best there: top from ${pct(TIER_SHARES.top)} of it, middle from ${pct(TIER_SHARES.middle)}, low below; a model without a score has no rating.`
  );
}

/** "top (27.0% on Terminal-Bench 2.0)", "no rating". */
export function qualityText(quality: Quality): string {
  if (quality.score === undefined) return quality.tier;
  return `${quality.tier} (${quality.unit === "percent" ? `${quality.score.toFixed(1)}%` : `${quality.score.toFixed(1)} points`} on ${quality.benchmark})`;
}
