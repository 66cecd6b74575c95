/** roilab's library: data loading, the chapter's cost models, and the chapter's analyses built from them. */
export * from "./model";
export * from "./data";
export * from "./chapter";
export * from "./errors";
export * from "./format";
export * from "./report";
export * from "./notebook";
export * from "./charts";
