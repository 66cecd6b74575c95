/** The publisher: executed notebooks to offline HTML pages with an index. */
export { buildReports, buildEditions, type EditionPlan, type ReportOptions, type ReportResult, type PageWeight } from "./build";
export { writeStandalonePage, type StandalonePage } from "./standalone-page";
export { findChromium, PDF_FILE, type PrintOptions, type ReportPdf } from "./pdf";
export { startPreview, type Preview, type PreviewEvent, type PreviewOptions } from "./preview/preview";
export { PREVIEW_HOST } from "./preview/server";
