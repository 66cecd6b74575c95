/**
 * The MIME types roilab's notebooks emit beyond Jupyter's own: the notebook display helpers write them and
 * the publisher renders them, so both name them here.
 */

/** A Plotly figure, as JupyterLab's and VS Code's Plotly renderers expect it. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** A what-if panel spec, drawn live in the published page. */
export const WHATIF_MIME = "application/vnd.roilab.whatif+json";
