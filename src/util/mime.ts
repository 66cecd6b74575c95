/** A Plotly figure, as JupyterLab's and VS Code's Plotly renderers expect it: the display helpers write it and the publisher draws it. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/**
 * Output metadata marking an output as a live panel's rendering at its defaults (its summary and its figure): the
 * publisher puts such outputs inside the panel that follows them in the cell, and the page redraws them live.
 */
export const PANEL_DEFAULT_METADATA = "panel_default";
