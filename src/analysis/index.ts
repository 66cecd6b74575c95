/**
 * The application layer: a dataset and ids in, model calls, tables, figure specs and panel specs out. One file
 * per chapter section (cost, price-matrix, break-even, hybrid-routing, case-study, audit, capacity, sensitivity,
 * closing-questions, and beyond the chapter rental) or per role (lookup, workload, decide, quality, latency, figure-context, throughput-basis, hardware-fit, panels, diff); text
 * renderers for the terminal in text/.
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
export * from "./case-study";
export * from "./audit";
export * from "./audit-findings";
export * from "./audit-materiality";
export * from "./capacity";
export * from "./sensitivity";
export * from "./closing-questions";
export * from "./throughput-basis";
export * from "./hardware-fit";
export * from "./panels";
export * from "./diff";
export * from "./rental";
export * from "./then-and-now";
