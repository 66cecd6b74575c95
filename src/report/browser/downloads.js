/* roilab report: every table and every figure's data downloads as CSV, made in the page (works offline, from disk). */
(function () {
  "use strict";
  // No cell of a download is a live spreadsheet formula.
  var csv = require("./csv").csvText;
  function pageName() {
    var file = decodeURIComponent(location.pathname.split("/").pop() || "report");
    return file.replace(/\.html?$/, "") || "report";
  }
  function save(name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  /** A table as its header row and body rows; numbers as their full value, not as the formatted text. */
  function tableRows(table) {
    return Array.prototype.map.call(table.rows, function (row) {
      return Array.prototype.map.call(row.cells, function (cell) {
        var value = cell.getAttribute("data-value");
        return value !== null ? value : cell.textContent.trim();
      });
    });
  }
  function values(trace, key) {
    var value = trace[key];
    return Array.isArray(value) ? value : undefined;
  }
  /**
   * A figure's traces in long form: one row per point (trace, x, y and, where drawn, base or text), or per cell
   * of a heatmap (trace, column, row, value).
   */
  /** An axis's title as plain text ("USD a month"), or undefined where the axis has none. */
  function axisTitle(axis) {
    var title = axis && axis.title;
    var text = typeof title === "string" ? title : title && title.text;
    return text ? String(text).replace(/<br\s*\/?>/g, " ").replace(/<[^>]*>/g, "").trim() || undefined : undefined;
  }
  /** A number as a spreadsheet should read it: twelve significant digits, without a float's noise. */
  function clean(value) {
    return typeof value === "number" && isFinite(value) ? Number(value.toPrecision(12)) : value;
  }
  function figureRows(traces, layout) {
    // The x and y columns are named by the figure's own axis titles, so a download says what its numbers are.
    var rows = [["trace", axisTitle(layout && layout.xaxis) || "x", axisTitle(layout && layout.yaxis) || "y", "value", "label"]];
    traces.forEach(function (trace, index) {
      var name = String(trace.name || trace.type + " " + (index + 1)).replace(/<br>/g, " ");
      var x = values(trace, "x") || [], y = values(trace, "y") || [];
      var z = values(trace, "z");
      if (z) {
        var cellText = values(trace, "text");
        z.forEach(function (row, r) {
          (Array.isArray(row) ? row : [row]).forEach(function (value, c) {
            var label = cellText && Array.isArray(cellText[r]) ? cellText[r][c] : "";
            rows.push([name, clean(x[c]), clean(y[r]), clean(value), label]);
          });
        });
        return;
      }
      var text = values(trace, "text") || [];
      var base = values(trace, "base");
      var count = Math.max(x.length, y.length);
      for (var i = 0; i < count; i++) rows.push([name, clean(x[i]), clean(y[i]), base ? clean(base[i]) : "", text[i] === undefined ? "" : text[i]]);
    });
    return rows;
  }
  /** The traces a plot shows now (Plotly keeps them on the element), or undefined before it is drawn. */
  function drawnTraces(plot) {
    return plot && Array.isArray(plot.data) ? plot.data : undefined;
  }
  /** A figure's data and layout as drawn, or from its spec when it is not drawn yet. */
  function figureSpec(button) {
    var plot = document.getElementById(button.getAttribute("data-figure"));
    var drawn = drawnTraces(plot);
    if (drawn) return { data: drawn, layout: plot.layout };
    var script = document.querySelector('script.roilab-figure[data-target="' + button.getAttribute("data-figure") + '"]');
    return script ? JSON.parse(script.textContent) : { data: [], layout: {} };
  }
  /** A download button in its own line right after `element`. */
  function addButtonAfter(element, attribute, value, label, lineClass) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "download-csv";
    button.setAttribute(attribute, value);
    button.textContent = label;
    var line = document.createElement("p");
    line.className = lineClass;
    line.appendChild(button);
    element.parentNode.insertBefore(line, element.nextSibling);
  }
  function addButtons() {
    var tables = document.querySelectorAll("main.report table.roilab-table");
    for (var i = 0; i < tables.length; i++) addButtonAfter(tables[i].closest(".output-html") || tables[i], "data-table", String(i + 1), "Download table (CSV)", "table-tools");
    var panels = document.querySelectorAll(".whatif[id]");
    for (var j = 0; j < panels.length; j++) addButtonAfter(panels[j], "data-panel", panels[j].id, "Download this what-if's data (CSV)", "figure-tools");
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.download-csv");
    if (!button) return;
    if (button.hasAttribute("data-table")) {
      var index = Number(button.getAttribute("data-table"));
      save(pageName() + "-table-" + index + ".csv", csv(tableRows(document.querySelectorAll("main.report table.roilab-table")[index - 1])));
    } else if (button.hasAttribute("data-panel")) {
      // A what-if panel's figure follows the reader's inputs, so it is read from the plot as last drawn.
      var plot = document.querySelector("#" + button.getAttribute("data-panel") + " .plot");
      save(pageName() + "-" + button.getAttribute("data-panel") + ".csv", csv(figureRows(drawnTraces(plot) || [], plot && plot.layout)));
    } else {
      var figure = button.closest("figure");
      var spec = figureSpec(button);
      save((figure && figure.id ? figure.id : pageName() + "-figure") + ".csv", csv(figureRows(spec.data, spec.layout)));
    }
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addButtons);
  else addButtons();
})();
