/** How much busier than the average hour a day's busiest hour is, beside every per-hour break-even. */
import type { Dataset } from "../data";
import { BREAK_EVEN_WORDS } from "../i18n/break-even";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { trafficProfile } from "./capacity";
import { FLAT_PROFILE_ID } from "./model-inputs";
import { CAPACITY_WORDS } from "../i18n/capacity";

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
  // The profile as the page's language names it (办公时段), its id in English.
  return BREAK_EVEN_WORDS[lang].perHourNote(
    averageHour,
    CAPACITY_WORDS[lang].profileName(peak.profileId),
    peak.peakToAverage.toFixed(2),
    busiest,
  );
}
