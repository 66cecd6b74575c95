/*
 * roilab report: fits each drawn Plotly figure to the printed page's width, keeping its aspect, while printing.
 * A figure is drawn for the screen at a fixed pixel size; giving its SVG layers a viewBox for the length of the
 * print lets the print stylesheet scale them to the paper like an image. Afterwards the screen drawing is as it was.
 */
(function () {
  "use strict";
  var fitted = [];
  function fit() {
    var layers = document.querySelectorAll(".plot .svg-container > svg.main-svg");
    for (var i = 0; i < layers.length; i++) {
      var svg = layers[i];
      var width = Number(svg.getAttribute("width"));
      var height = Number(svg.getAttribute("height"));
      if (!(width > 0 && height > 0) || svg.hasAttribute("viewBox")) continue;
      svg.setAttribute("viewBox", "0 0 " + width + " " + height);
      svg.setAttribute("preserveAspectRatio", "xMinYMin meet");
      var container = svg.parentNode;
      container.style.setProperty("--roilab-print-aspect", width + " / " + height);
      container.style.setProperty("--roilab-print-max-width", width + "px");
      container.classList.add("roilab-print-fit");
      fitted.push(svg);
    }
  }
  function unfit() {
    for (var i = 0; i < fitted.length; i++) {
      fitted[i].removeAttribute("viewBox");
      fitted[i].removeAttribute("preserveAspectRatio");
      fitted[i].parentNode.style.removeProperty("--roilab-print-aspect");
      fitted[i].parentNode.style.removeProperty("--roilab-print-max-width");
      fitted[i].parentNode.classList.remove("roilab-print-fit");
    }
    fitted = [];
  }
  function listen() {
    window.addEventListener("beforeprint", fit);
    window.addEventListener("afterprint", unfit);
  }
  // After report.js's own print listener, which draws the figures not yet drawn: those must exist to be fitted.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", listen);
  else listen();
})();
