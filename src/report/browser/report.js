/* roilab report: draws the page's Plotly figures from their JSON and starts any what-if panels. No network. */
(function () {
  "use strict";
  // First screen first, the rest as they scroll near or the browser idles, all before printing.
  var drawInOrder = require("./draw-order").drawInOrder;
  // No "share" button: it sends the figure to a web service, which an offline page must not offer.
  var config = { responsive: true, displaylogo: false, showSendToCloud: false, modeBarButtonsToRemove: ["sendDataToCloud", "sendChartToCloud"] };
  // Index thumbnails are links to their pages, not charts to explore: static plots draw faster.
  var thumbnailConfig = { responsive: true, staticPlot: true };
  function figureItem(script) {
    var target = document.getElementById(script.getAttribute("data-target"));
    return {
      element: target,
      draw: function () {
        var figure = JSON.parse(script.textContent);
        var thumbnail = Boolean(target.closest(".card"));
        // A figure whose page prints its number and title above it leaves them out of the plot.
        var captioned = Boolean(target.parentNode.querySelector("figcaption"));
        var height = figure.layout && figure.layout.height;
        if (window.RoilabWhatIf && !thumbnail) figure = window.RoilabWhatIf.fitFigure(figure, window.innerWidth, { titleInPage: captioned });
        // A figure fitted taller for a narrow screen takes a box as tall, so it does not run into what follows.
        if (figure.layout && figure.layout.height && figure.layout.height !== height) target.style.height = Math.round(figure.layout.height) + "px";
        return window.Plotly.newPlot(target, figure.data, figure.layout, thumbnail ? thumbnailConfig : config);
      },
    };
  }
  function panelItem(script) {
    return {
      element: document.getElementById(script.getAttribute("data-target")),
      draw: function () {
        return window.RoilabWhatIf.startPanel(document, script, window.Plotly);
      },
    };
  }
  function draw() {
    var scripts = document.querySelectorAll("script.roilab-figure");
    var items = [];
    for (var i = 0; i < scripts.length; i++) items.push(figureItem(scripts[i]));
    var panels = window.RoilabWhatIf ? document.querySelectorAll("script.roilab-whatif") : [];
    for (var j = 0; j < panels.length; j++) items.push(panelItem(panels[j]));
    var order = drawInOrder(items.filter(function (item) { return item.element; }), window);
    order.firstScreen.then(function () {
      document.documentElement.setAttribute("data-first-screen-drawn", String(order.firstScreenCount));
    });
    order.all.then(function () {
      document.documentElement.setAttribute("data-figures-drawn", String(scripts.length));
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
