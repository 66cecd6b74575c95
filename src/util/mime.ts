/** A Plotly figure, as JupyterLab's and VS Code's Plotly renderers expect it: the display helpers write it and the publisher draws it. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";
