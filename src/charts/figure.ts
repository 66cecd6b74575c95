/** A Plotly figure as plain JSON (data + layout), the form the Plotly MIME type and Plotly.newPlot take. */

export type Trace = Record<string, unknown> & { type: string; name?: string };

export interface Annotation extends Record<string, unknown> {
  text: string;
}

export interface Layout extends Record<string, unknown> {
  title: { text: string } & Record<string, unknown>;
  annotations?: Annotation[];
}

export interface Figure {
  data: Trace[];
  layout: Layout;
}

/** Where a figure's numbers come from, shown in its caption. */
export interface Provenance {
  /** Data file names, e.g. `models.csv`. */
  files: string[];
  /** The as_of date of those numbers (YYYY-MM-DD), when they carry one. */
  asOf?: string;
  /** The data folder as a page names it, when it is not the default `data`. */
  folder?: string;
  /** Several folders the same files are read from (two editions side by side); overrides `folder`. */
  folders?: string[];
}
