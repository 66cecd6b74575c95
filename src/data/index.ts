export { loadDataset, displayPath, TABLE_SPECS, type Dataset } from "./dataset";
export { toDataFrame } from "./frame";
export { parseTable, camelCase, type ParsedTable, type RowOf, type TableSpec } from "./table";
export * from "./schemas";
