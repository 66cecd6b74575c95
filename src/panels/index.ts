/** What-if panels: the spec a notebook declares and the pure evaluation the published page runs on every input. */
export * from "./break-even";
export * from "./monthly-cost";
export * from "./capacity";
export * from "./tornado";
export * from "./rental";
export * from "./ranges";

import type { BreakEvenPanelSpec } from "./break-even";
import type { CapacityPanelSpec } from "./capacity";
import type { TornadoPanelSpec } from "./tornado";
import type { RentalPanelSpec } from "./rental";
import type { MonthlyCostPanelSpec } from "./monthly-cost";

/** Any panel a notebook can put in its page, told apart by `kind`. */
export type PanelSpec = BreakEvenPanelSpec | CapacityPanelSpec | TornadoPanelSpec | RentalPanelSpec | MonthlyCostPanelSpec;
export * from "./currency";
