/* roilab report: draws the page's Plotly figures from their JSON and starts any what-if panels. No network. */
(function () {
  "use strict";
  var config = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ["sendDataToCloud"] };
  // Index thumbnails are links to their pages, not charts to explore: static plots draw faster.
  var thumbnailConfig = { responsive: true, staticPlot: true };
  function draw() {
    var scripts = document.querySelectorAll("script.roilab-figure");
    var pending = [];
    for (var i = 0; i < scripts.length; i++) {
      var figure = JSON.parse(scripts[i].textContent);
      var target = document.getElementById(scripts[i].getAttribute("data-target"));
      var thumbnail = Boolean(target.closest(".card"));
      // A figure whose page prints its number and title above it leaves them out of the plot.
      var captioned = Boolean(target.parentNode.querySelector("figcaption"));
      if (window.RoilabWhatIf && !thumbnail) figure = window.RoilabWhatIf.fitFigure(figure, window.innerWidth, { titleInPage: captioned });
      pending.push(window.Plotly.newPlot(target, figure.data, figure.layout, thumbnail ? thumbnailConfig : config));
    }
    if (window.RoilabWhatIf) pending.push(window.RoilabWhatIf.start(document, window.Plotly));
    Promise.all(pending).then(function () {
      document.documentElement.setAttribute("data-figures-drawn", String(scripts.length));
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
