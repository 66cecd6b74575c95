/** How much busier than the average hour a day's busiest hour is, beside every per-hour break-even. */
import type { Dataset } from "../data";
import { trafficProfile } from "./capacity";
import { FLAT_PROFILE_ID } from "./model-inputs";
import { CAPACITY_WORDS } from "../i18n/capacity";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

export interface BusiestHour {
  profileId: string;
  /** Share of a day's calls in its busiest hour. */
  peakHourShare: number;
  /** Calls in the busiest hour over calls in an average hour (daily ÷ 24): peak share × 24. */
  peakToAverage: number;
}

/**
 * How much busier than the average hour a traffic profile's busiest hour is: a break-even quoted per hour is
 * the daily break-even ÷ 24, a flat-day average. Default profile: the case study's.
 */
export function busiestHour(data: Dataset, profileId?: string): BusiestHour {
  const id = profileId ?? data.caseStudy[0]?.trafficProfileId ?? FLAT_PROFILE_ID;
  const profile = trafficProfile(data, id);
  return { profileId: profile.profileId, peakHourShare: profile.peakHourShare, peakToAverage: profile.peakHourShare * 24 };
}

/** The sentence that goes beside a per-hour break-even: it is a flat-day average, and the busiest hour carries more. */
export function perHourBreakEvenNote(data: Dataset, breakEvenDailyCalls: number, profileId?: string, lang: Lang = DEFAULT_LANG): string {
  const peak = busiestHour(data, profileId);
  // Whole calls down, as the break-even tables print the hourly figure.
  const averageHour = Math.trunc(breakEvenDailyCalls / 24).toLocaleString("en-US");
  const busiest = Math.round(breakEvenDailyCalls * peak.peakHourShare).toLocaleString("en-US");
  if (lang === "zh-CN")
    return `每小时 ${averageHour} 次调用是把每日盈亏平衡点平摊到 24 小时的结果；在${CAPACITY_WORDS[lang].profileName(peak.profileId)}流量曲线下，最繁忙一小时的调用量是平均每小时的 ${peak.peakToAverage.toFixed(2)} 倍（该调用量下为 ${busiest} 次），因此应拿每日调用量与每日盈亏平衡点比较，而不是拿一小时的调用量比较。`;
  return `${averageHour} calls an hour is the daily break-even spread evenly over 24 hours; on the ${peak.profileId} profile the busiest hour carries ${peak.peakToAverage.toFixed(2)} times the average hour (${busiest} calls at that volume), so compare a day's calls with the daily figure, not an hour's.`;
}
