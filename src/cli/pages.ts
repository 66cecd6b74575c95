/**
 * What roilab's pages show that the generic publisher learns from the command line: what the report calls itself,
 * the data file whose date says how old the prices are, the price database whose version each footer records,
 * and the outputs that are what-if panels.
 */
import { PRICE_DATABASE_PACKAGE } from "../data/price-database";
import { models } from "../data/schemas";
import { WHATIF_MIME } from "../panels/mime";
import type { ReportOptions } from "../report/build";
import { ROILAB_SITES } from "./site";
import type { Lang } from "../i18n/lang";

/** What a footer calls the price database, in each language. */
const PRICE_DATABASE_LABEL: Readonly<Record<Lang, string>> = { en: "price database", "zh-CN": "价格数据库" };

/** roilab's pages in `lang`: its own name for the report and the price database in that language. */
export function roilabPages(lang: Lang) {
  return {
    site: ROILAB_SITES[lang],
    pricesFile: models.file,
    recordedPackages: [{ label: PRICE_DATABASE_LABEL[lang], name: PRICE_DATABASE_PACKAGE }],
    panelMimeTypes: [WHATIF_MIME],
    lang,
  } satisfies Partial<ReportOptions>;
}

export const ROILAB_PAGES = roilabPages("en");
