/**
 * What a what-if panel is, apart from any page: the inputs it offers, how a choice moves other inputs, and what it
 * shows for a set of values. The page builds its fields from `controls` and calls `show` on every change; a notebook
 * calls the same evaluation. A new what-if is one such definition in its own file, listed in `PANEL_DEFINITIONS`.
 */
import type { Figure } from "../charts/figure";
import type { NumberRange, PanelRanges } from "./ranges";
import type { LocalText } from "../i18n/catalogue";

/** One input of a panel: a number field with its range, or a choice among named options. */
export type PanelControl =
  | { key: string; range: NumberRange; value: number }
  | { key: string; label: string; options: { id: string; name: string }[]; value: string };

/** What the page knows of where the panel is drawn. */
export interface PanelView {
  /** A phone's width: figures with long labels draw a narrower variant. */
  narrow: boolean;
}

/** What a panel shows for one set of values. */
export interface PanelShown {
  summary: string;
  figure: Figure;
  /** Results the page keeps on the panel's element as `data-*` attributes, for links, tests and scripts. */
  attributes: Record<string, string>;
}

export interface PanelDefinition<Spec extends { kind: string }, Inputs> {
  kind: Spec["kind"];
  /** What the panel computes, in each language, for "Cannot compute …" when an input is out of its range. */
  computes: LocalText;
  controls(spec: Spec): PanelControl[];
  /** Inputs that follow a choice: picking another configuration loads its own price, say. */
  follow?(spec: Spec, changedKey: string, values: Inputs): Partial<Record<string, number>> | undefined;
  /** Number inputs that mean nothing for the current choices (a stated electricity bill ignores the price per kWh). */
  unused?(spec: Spec, values: Inputs): string[];
  show(spec: Spec, values: Inputs, view: PanelView): PanelShown;
}

/** Number fields for `keys`, in that order, each with its range and the panel's value for it. */
export function numberControls<Inputs>(
  ranges: PanelRanges<Inputs>,
  values: Inputs,
  keys: readonly (keyof PanelRanges<Inputs> & string)[],
): PanelControl[] {
  return keys.map((key) => ({ key, range: ranges[key], value: (values as Record<string, unknown>)[key] as number }));
}
