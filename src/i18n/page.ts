/**
 * The publisher's own words on a page, in every language: its header and edition switch, the banners, the contents
 * beside the page, the pager, the footer's provenance, the index, what it writes around a notebook's cells and
 * figures, and the PDF's bookmarks. Not the notebooks' words, nor what roilab calls its report (the caller's).
 * Values given to a message are already HTML-escaped where the page shows them as text; dates come as YYYY-MM-DD,
 * which English shows as they are and Chinese as 2025年9月1日.
 */
import { catalogue } from "./catalogue";
import { formatDate } from "./dates";

/** Regions a regional edition is for, by the ISO code in its folder's name (`2026-11-cn`). */
const REGION_NAMES_EN: Readonly<Record<string, string>> = { cn: "China" };
const REGION_NAMES_ZH: Readonly<Record<string, string>> = { cn: "中国" };

export const PAGE_WORDS = catalogue(
  {
    /** The `<html lang>` of a page. */
    htmlLang: "en",
    editionsLabel: "Editions",
    dataEdition: "Data edition:",
    /** Between the links of the edition switch. */
    editionSeparator: " · ",
    /** An edition as a reader names it: from its folder's date and region, or the book's own data for an undated one. */
    editionTitle: (dated: { year: number; month: number } | undefined, region: string | undefined) => {
      if (!dated) return "The book's data";
      const month = new Date(Date.UTC(dated.year, dated.month - 1, 1)).toLocaleDateString("en-GB", {
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
      return region ? `${REGION_NAMES_EN[region] ?? region.toUpperCase()}, ${month}` : month;
    },
    builtBy: (built: { time: string; roilab: string; tslab: string; node: string; recorded: string }) =>
      `Built ${built.time} by roilab ${built.roilab} with tslab ${built.tslab} on Node.js ${built.node}${built.recorded}.`,
    /** One recorded package after the software that built the page. */
    recordedPackage: (label: string, nameAndVersion: string) => `; ${label} ${nameAndVersion}`,
    parameters: (parameters: string) => ` Parameters: <code>${parameters}</code>.`,
    defaultParameters: "defaults",
    /** A data file's date (YYYY-MM-DD) in the footer's table. */
    date: (iso: string) => iso,
    dataFileHeader: "Data file",
    asOfHeader: "as_of",
    sha256Header: "SHA-256",
    /** `models.csv as of 2025-09-01` on the index. */
    fileAsOf: (file: string, asOf: string) => `${file} as of ${asOf}`,
    listSeparator: "; ",
    notebookFailed: "This notebook failed; the page shows its errors.",
    otherEditionsLabel: "Other editions",
    otherEditions: (links: readonly string[]) => `Other editions of this report: ${links.join(", ")}.`,
    reRunOn: (about: string, folder: string, time: string, dates: string) =>
      `${about}, re-run on <code>${folder}</code>. Built ${time}.${dates ? ` Data: ${dates}.` : ""}`,
    contentsLabel: "Report contents",
    onThisPage: "On this page",
    pagerLabel: "Sections",
    previous: "Previous",
    next: "Next",
    oldPrices: "Old prices:",
    oldPricesText: (file: string, asOf: string, ageDays: number) =>
      `${file} is as of ${asOf}, ${ageDays} days before this build. Check current prices before relying on these figures.`,
    newerPrices: (link: string) => ` The same page on newer prices: ${link}.`,
    keyFindings: "Key findings",
    parametersOfThisRun: "Parameters of this run",
    parametersCell: "Parameters",
    code: "Code",
    contents: "Contents",
    linkToSection: "Link to this section",
    figure: "Figure",
    /** A figure's number above it, linking to it. */
    figureNumber: (number: string) => `Figure ${number}`,
    downloadFigureData: "Download data (CSV)",
    notBase64: (type: string) => `An ${type} output is not base64 data and is not shown.`,
    cellFailed: (cell: number, errorName: string) => `Cell ${cell} failed: ${errorName}`,
    /** The index's bookmark in the PDF. */
    indexBookmark: "Index",
  },
  {
    htmlLang: "zh-CN",
    editionsLabel: "数据版本",
    dataEdition: "数据版本：",
    editionSeparator: " · ",
    editionTitle: (dated, region) => {
      if (!dated) return "原书数据";
      const month = `${dated.year}年${dated.month}月`;
      return region ? `${REGION_NAMES_ZH[region] ?? region.toUpperCase()}版 · ${month}` : month;
    },
    builtBy: (built) =>
      `本页于 ${built.time} 生成，使用 roilab ${built.roilab}、tslab ${built.tslab}、Node.js ${built.node}${built.recorded}。`,
    recordedPackage: (label, nameAndVersion) => `，${label} ${nameAndVersion}`,
    parameters: (parameters) => `参数：<code>${parameters}</code>。`,
    defaultParameters: "默认值",
    date: (iso) => formatDate(iso, "zh-CN"),
    dataFileHeader: "数据文件",
    asOfHeader: "数据截至",
    sha256Header: "SHA-256 校验值",
    fileAsOf: (file, asOf) => `${file}（截至 ${formatDate(asOf, "zh-CN")}）`,
    listSeparator: "；",
    notebookFailed: "该笔记本运行失败，本页显示其报错信息。",
    otherEditionsLabel: "其他数据版本",
    otherEditions: (links) => `本报告的其他数据版本：${links.join("、")}。`,
    reRunOn: (about, folder, time, dates) =>
      `${about}，已基于 <code>${folder}</code> 重新运行。生成时间：${time}。${dates ? `数据：${dates}。` : ""}`,
    contentsLabel: "报告目录",
    onThisPage: "本页内容",
    pagerLabel: "章节导航",
    previous: "上一节",
    next: "下一节",
    oldPrices: "价格可能已过时：",
    oldPricesText: (file, asOf, ageDays) =>
      `${file} 的价格截至 ${formatDate(asOf, "zh-CN")}，比本次生成早 ${ageDays} 天。引用这些数字前，请先核对最新价格。`,
    newerPrices: (link) => `同一页面的较新价格版本：${link}。`,
    keyFindings: "核心结论",
    parametersOfThisRun: "本次运行的参数",
    parametersCell: "参数",
    code: "代码",
    contents: "目录",
    linkToSection: "本节链接",
    figure: "图",
    figureNumber: (number) => `图 ${number}`,
    downloadFigureData: "下载图表数据（CSV）",
    notBase64: (type) => `一个 ${type} 输出不是 base64 数据，未予显示。`,
    cellFailed: (cell, errorName) => `第 ${cell} 个单元格运行失败：${errorName}`,
    indexBookmark: "报告总览",
  },
);
