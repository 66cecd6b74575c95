/**
 * Quality from sourced scores, never from a hand label: a model's score on the edition's reference benchmark (the
 * one `benchmarks.csv` scores the most models on) and a tier computed from it by one stated rule.
 */
import type { Dataset } from "../data";
import { DECISION_WORDS } from "../i18n/decision";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

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

/** Benchmarks by how many models they score, the reference first; among equals, in benchmarks.csv order. */
function benchmarksByCoverage(data: Dataset): string[] {
  const order = [...new Set(data.benchmarks.map((row) => row.benchmark))];
  const count = (benchmark: string) => data.benchmarks.filter((row) => row.benchmark === benchmark).length;
  return order
    .map((benchmark, index) => ({ benchmark, index, count: count(benchmark) }))
    .sort((a, b) => b.count - a.count || a.index - b.index)
    .map((entry) => entry.benchmark);
}

/** The benchmark with scores for the most models; among equals, the first listed in benchmarks.csv. */
export const referenceBenchmark = (data: Dataset): string | undefined => benchmarksByCoverage(data)[0];

const scoreOn = (data: Dataset, modelId: string | undefined, benchmark: string) =>
  modelId === undefined ? undefined : data.benchmarks.find((row) => row.benchmark === benchmark && row.modelId === modelId);

/**
 * A model's quality: its score on the reference benchmark and the tier computed from it by the rule `qualityRule`
 * states. A model scored only elsewhere shows that score with no tier (tiers compare on one benchmark); a model
 * scored nowhere has no rating.
 */
export function qualityOf(data: Dataset, modelId: string | undefined): Quality {
  const benchmark = referenceBenchmark(data);
  if (benchmark === undefined) return { tier: "no rating", benchmark, score: undefined, unit: undefined, shareOfBest: undefined };
  const best = Math.max(0, ...data.benchmarks.filter((row) => row.benchmark === benchmark).map((row) => row.score));
  const row = scoreOn(data, modelId, benchmark);
  if (!row || !(best > 0)) {
    const elsewhere = benchmarksByCoverage(data)
      .map((other) => scoreOn(data, modelId, other))
      .find((found) => found !== undefined);
    return {
      tier: "no rating",
      benchmark: elsewhere?.benchmark ?? benchmark,
      score: elsewhere?.score,
      unit: elsewhere?.unit,
      shareOfBest: undefined,
    };
  }
  const share = row.score / best;
  return {
    tier: share >= TIER_SHARES.top ? "top" : share >= TIER_SHARES.middle ? "middle" : "low",
    benchmark,
    score: row.score,
    unit: row.unit,
    shareOfBest: share,
  };
}

/** Whether a model matches today's: the same model, a score at least `share` of today's, lower, or not comparable. */
export type QualityMatchKind = "same model" | "at least today's" | "below today's" | "no shared score" | "today's not rated";

export interface QualityMatch {
  kind: QualityMatchKind;
  /** The benchmark named: where it falls short of today's, else the first that scores both. */
  benchmark?: string;
  score?: number;
  todayScore?: number;
  /** How many benchmarks score both. */
  benchmarks?: number;
  /** The named benchmark's unit. */
  unit?: "points" | "percent";
}

/**
 * A model against today's on every benchmark that scores both: like for like needs a shared benchmark, since scores
 * on different benchmarks (or versions of one) do not compare, and it needs all of them, so that no benchmark is
 * chosen for the answer. Where it falls short, the first such benchmark (reference first) is named. `share` lowers the
 * bar (a hybrid's local model need reach only part of today's score).
 */
export function compareWithToday(data: Dataset, modelId: string | undefined, todayId: string, share = 1): QualityMatch {
  if (modelId !== undefined && modelId === todayId) return { kind: "same model" };
  const todays = benchmarksByCoverage(data).filter((benchmark) => scoreOn(data, todayId, benchmark) !== undefined);
  if (todays.length === 0) return { kind: "today's not rated" };
  const shared = todays.flatMap((benchmark) => {
    const mine = scoreOn(data, modelId, benchmark);
    return mine === undefined
      ? []
      : [{ benchmark, score: mine.score, todayScore: (scoreOn(data, todayId, benchmark) as { score: number }).score, unit: mine.unit }];
  });
  if (shared.length === 0) return { kind: "no shared score" };
  const short = shared.find((pair) => pair.score < pair.todayScore * share);
  if (short) return { kind: "below today's", ...short, benchmarks: shared.length };
  return { kind: "at least today's", ...(shared[0] as (typeof shared)[number]), benchmarks: shared.length };
}

/** Whether a match lets an option stand in for today's API, like for like: a lower or uncomparable score does not. */
export const keepsQuality = (match: QualityMatch): boolean =>
  match.kind === "same model" || match.kind === "at least today's" || match.kind === "today's not rated";

/** "at least today's (39.6% against 27.0%, Terminal-Bench 2.0)", "no shared score"; in Chinese "不低于现用（…）". */
export function qualityMatchText(match: QualityMatch, lang: Lang = DEFAULT_LANG): string {
  const words = DECISION_WORDS[lang];
  // A comparison carries its benchmark's unit; the kinds without one print no score.
  const value = (score: number | undefined) => (match.unit === "points" ? words.points(`${score?.toFixed(1)}`) : `${score?.toFixed(1)}%`);
  if (match.kind === "same model") return words.sameModel;
  if (match.kind === "today's not rated") return words.todayNotRated;
  if (match.kind === "no shared score") return words.noSharedScore;
  const others =
    (match.benchmarks ?? 1) > 1
      ? match.kind === "below today's"
        ? words.sharedBenchmarks(match.benchmarks ?? 1)
        : words.andMore((match.benchmarks ?? 1) - 1)
      : "";
  return words.match(words.matchKind(match.kind), value(match.score), value(match.todayScore), String(match.benchmark), others);
}

/** The tier rule in one sentence, for the page that shows a tier. */
export function qualityRule(data: Dataset, lang: Lang = DEFAULT_LANG): string {
  const benchmark = referenceBenchmark(data);
  if (lang === "zh-CN") {
    if (benchmark === undefined) return "数据中没有基准评分：所有方案都显示为无评分。";
    const count = data.benchmarks.filter((row) => row.benchmark === benchmark).length;
    const share = (value: number) => `${Math.round(value * 100)}%`;
    return (
      `质量指 ${benchmark} 上的得分，这是 benchmarks.csv 中评测模型最多的基准（${count} 个）；` +
      `分档按得分相对该基准最高分的比例：达到 ${share(TIER_SHARES.top)} 为高，达到 ${share(TIER_SHARES.middle)} 为中，以下为低；没有得分的模型无评分。`
    );
  }
  if (benchmark === undefined) return "The data has no benchmark scores: every option is shown with no rating.";
  const scored = data.benchmarks.filter((row) => row.benchmark === benchmark).length;
  const pct = (share: number) => `${Math.round(share * 100)}%`;
  return (
    `Quality is the score on ${benchmark}, the benchmark benchmarks.csv scores the most models on (${scored}); ` +
    `a tier is the score against the best there: top from ${pct(TIER_SHARES.top)} of it, middle from ${pct(TIER_SHARES.middle)}, low below; a model without a score has no rating.`
  );
}

/** "74.6% on Terminal-Bench 2.1", "no rating": the score alone. */
export function scoreText(quality: Quality, lang: Lang = DEFAULT_LANG): string {
  const words = DECISION_WORDS[lang];
  if (quality.score === undefined) return words.tier("no rating");
  return words.scoreOn(
    quality.unit === "percent" ? `${quality.score.toFixed(1)}%` : words.points(quality.score.toFixed(1)),
    String(quality.benchmark),
  );
}

/** "top (27.0% on Terminal-Bench 2.0)", "no rating". */
export function qualityText(quality: Quality, lang: Lang = DEFAULT_LANG): string {
  const words = DECISION_WORDS[lang];
  if (quality.score === undefined) return words.tier(quality.tier);
  if (quality.shareOfBest === undefined) return words.noTier(scoreText(quality, lang));
  return words.tierOf(words.tier(quality.tier), scoreText(quality, lang));
}
