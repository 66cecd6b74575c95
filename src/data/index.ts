/** The data layer: every CSV of a data folder parsed, validated (file:line:column) and typed, once. */
export { loadDataset, newestAsOfByFile, readDataset, TABLE_SPECS, type Dataset } from "./dataset";
export { displayPath } from "../util/display-path";
export { withAssignments } from "./dataset-assignments";
export { formatCellReference, type CellAssignment, type CellReference } from "./assignments";
export { toDataFrame } from "./frame";
export { parseTable, camelCase, type ParsedTable, type RowOf, type TableSpec } from "./table";
export * as schemas from "./schemas";
export type {
  ModelRow,
  LongContextPriceRow,
  BenchmarkRow,
  HardwareRow,
  WorkloadRow,
  TaskTypeRow,
  TaskMixRow,
  RoutingTierRow,
  RoutingConfigRow,
  CaseStudyRow,
  PublishedFigureRow,
  ThroughputRow,
  TrafficProfileRow,
  QuantisationRow,
  ModelArchitectureRow,
  UncertaintyRangeRow,
  FailoverRow,
  GpuRentalRow,
  ChapterStatementRow,
} from "./schemas";
export { editionParameters, EDITION_PARAMETERS_FILE, type EditionParameters } from "./edition-parameters";
