/**
 * roilab's library as notebooks import it (`import { ... } from ".."` in notebooks/): the data layer, the pure
 * cost model, the analyses of each chapter section, the figure and panel specs, and the display helpers. The
 * runner and the publisher are the CLI's (`roilab run`, `roilab report`); they are reachable as
 * `roilab/dist/notebook` and `roilab/dist/report` for scripts that drive them.
 */
export * from "./model";
export * from "./data";
export * from "./analysis";
export * from "./charts";
export * from "./panels";
export * from "./display";
export * from "./errors";
export * from "./format";
