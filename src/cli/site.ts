/** What roilab's report calls itself in every page's header and on its index (the publisher takes it from here). */
export const ROILAB_SITE = {
  name: "roilab",
  tagline: "Cloud vs local LLM cost analysis",
  title: "roilab — cloud vs local LLM cost analysis",
  heading: "Model selection cost matrix: cloud vs local ROI",
  about: "Chapter 59's cost model",
} as const;
