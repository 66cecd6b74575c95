/**
 * What roilab's pages show that the generic publisher learns from the command line: what the report calls itself,
 * the data file whose date says how old the prices are, the price database whose version each footer records,
 * and the outputs that are what-if panels.
 */
import { PRICE_DATABASE_PACKAGE } from "../data/price-database";
import { models } from "../data/schemas";
import { WHATIF_MIME } from "../panels/mime";
import type { ReportOptions } from "../report/build";
import { ROILAB_SITE } from "./site";

export const ROILAB_PAGES = {
  site: ROILAB_SITE,
  pricesFile: models.file,
  recordedPackages: [{ label: "price database", name: PRICE_DATABASE_PACKAGE }],
  panelMimeTypes: [WHATIF_MIME],
} satisfies Partial<ReportOptions>;
