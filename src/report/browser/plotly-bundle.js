// The Plotly build shared by every report: the core (scatter) plus the bar and heatmap traces roilab draws.
var Plotly = require("plotly.js/lib/core");
Plotly.register([require("plotly.js/lib/bar"), require("plotly.js/lib/heatmap")]);
module.exports = Plotly;
