/**
 * The application layer: a dataset and ids in, model calls, tables, figure specs and panel specs out. One file
 * per concept, named as the model names it (cost, price-matrix, break-even, hybrid-routing, case-study, capacity,
 * vram, failover, ops-cost, ab-test, busiest-hour, sensitivity, rental, then-and-now, audit, decide), with
 * model-inputs the one adapter from data rows to the model's inputs and lookup, workload, quality, latency and
 * figure-context the shared readers; text renderers for the terminal in text/.
 */
export * from "./lookup";
export * from "./model-inputs";
export * from "./workload";
export * from "./decide";
export * from "./quality";
export * from "./latency";
export * from "./decision-page";
export * from "./currency";
export * from "./figure-context";
export * from "./cost";
export * from "./price-matrix";
export * from "./break-even";
export * from "./hybrid-routing";
export * from "./hybrid-routing-page";
export * from "./case-study";
export * from "./case-study-page";
export * from "./audit";
export * from "./audit-findings";
export * from "./audit-materiality";
export * from "./audit-page";
export * from "./capacity";
export * from "./capacity-page";
export * from "./closing-questions-page";
export * from "./sensitivity";
export * from "./sensitivity-page";
export * from "./vram";
export * from "./failover";
export * from "./ops-cost";
export * from "./ab-test";
export * from "./busiest-hour";
export * from "./throughput-basis";
export * from "./panels";
export * from "./diff";
export * from "./rental";
export * from "./then-and-now";
export * from "./page-table";
