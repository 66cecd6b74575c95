/** What-if panels: the spec a notebook declares and the pure evaluation the published page runs on every input. */
export * from "./break-even";
export * from "./monthly-cost";
export * from "./capacity";
export * from "./tornado";
export * from "./rental";
export * from "./hybrid-routing";
export * from "./case-study";
export * from "./closing-questions";
export * from "./decision";
export * from "./audit";
export * from "./price-matrix";
export * from "./then-and-now";
export * from "./ranges";
export * from "./definition";

import { AUDIT_PANEL, type AuditPanelSpec } from "./audit";
import { BREAK_EVEN_PANEL, type BreakEvenPanelSpec } from "./break-even";
import { CAPACITY_PANEL, type CapacityPanelSpec } from "./capacity";
import { CASE_STUDY_PANEL, type CaseStudyPanelSpec } from "./case-study";
import { HYBRID_ROUTING_PANEL, type HybridRoutingPanelSpec } from "./hybrid-routing";
import { CLOSING_QUESTIONS_PANEL, type ClosingQuestionsPanelSpec } from "./closing-questions";
import { DECISION_PANEL, type DecisionPanelSpec } from "./decision";
import type { PanelDefinition } from "./definition";
import { PRICE_MATRIX_PANEL, type PriceMatrixPanelSpec } from "./price-matrix";
import { THEN_AND_NOW_PANEL, type ThenAndNowPanelSpec } from "./then-and-now";
import { MONTHLY_COST_PANEL, type MonthlyCostPanelSpec } from "./monthly-cost";
import { RENTAL_PANEL, type RentalPanelSpec } from "./rental";
import { TORNADO_PANEL, type TornadoPanelSpec } from "./tornado";

/** Any panel a notebook can put in its page, told apart by `kind`. */
export type PanelSpec =
  | BreakEvenPanelSpec
  | CapacityPanelSpec
  | TornadoPanelSpec
  | RentalPanelSpec
  | MonthlyCostPanelSpec
  | HybridRoutingPanelSpec
  | CaseStudyPanelSpec
  | ClosingQuestionsPanelSpec
  | DecisionPanelSpec
  | AuditPanelSpec
  | PriceMatrixPanelSpec
  | ThenAndNowPanelSpec;

/** Every panel the page can draw, by the `kind` of its spec. */
export const PANEL_DEFINITIONS: { [Kind in PanelSpec["kind"]]: PanelDefinition<Extract<PanelSpec, { kind: Kind }>, never> } = {
  "break-even": BREAK_EVEN_PANEL,
  capacity: CAPACITY_PANEL,
  tornado: TORNADO_PANEL,
  rental: RENTAL_PANEL,
  "monthly-cost": MONTHLY_COST_PANEL,
  "hybrid-routing": HYBRID_ROUTING_PANEL,
  "case-study": CASE_STUDY_PANEL,
  "closing-questions": CLOSING_QUESTIONS_PANEL,
  decision: DECISION_PANEL,
  audit: AUDIT_PANEL,
  "price-matrix": PRICE_MATRIX_PANEL,
  "then-and-now": THEN_AND_NOW_PANEL,
};
export * from "./currency";
