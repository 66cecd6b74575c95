/** Plotly figure specs in the chapter's theme: plain JSON from plain rows, no data folder, no kernel, no I/O. */
export * from "./figure";
export * from "./theme";
export * from "./cost";
export * from "./break-even";
export * from "./hybrid-routing";
export * from "./diff";
export * from "./audit";
export * from "./capacity";
export * from "./uncertainty";
export * from "./vram";
export * from "./failover";
export * from "./ops-cost";
export * from "./ab-test";
export * from "./rental";
export * from "./then-and-now";
export * from "./decision";
export * from "./currency";
