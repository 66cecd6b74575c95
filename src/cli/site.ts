import type { Lang } from "../i18n/lang";
import type { SiteText } from "../report/html/page";

/** What roilab's report calls itself in every page's header and on its index (the publisher takes it from here). */
export const ROILAB_SITE = {
  name: "roilab",
  tagline: "Cloud vs local LLM cost analysis",
  title: "roilab — cloud vs local LLM cost analysis",
  heading: "Model selection cost matrix: cloud vs local ROI",
  about: "Chapter 59's cost model",
} as const;

/** The same in each language `--lang` takes; the Chinese heading is the chapter's own title. */
export const ROILAB_SITES: Readonly<Record<Lang, SiteText>> = {
  en: ROILAB_SITE,
  "zh-CN": {
    name: "roilab",
    tagline: "大模型云端与本地部署成本分析",
    title: "roilab — 大模型云端与本地部署成本分析",
    heading: "模型选型成本矩阵：云端 vs 本地 ROI",
    about: "第 59 章的成本模型",
  },
};
