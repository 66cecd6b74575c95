/*
 * Fits each drawn Plotly figure to the printed page's width, keeping its aspect, while printing.
 * A figure is drawn for the screen at a fixed pixel size; giving its SVG layers a viewBox for the length of the
 * print lets the print stylesheet scale them to the paper like an image. Afterwards the screen drawing is as it was.
 */

export interface PrintFit {
  /** Fits the figures drawn so far: the page draws the rest first, since those must exist to be fitted. */
  fit(): void;
  /** Puts every fitted figure back as drawn for the screen. */
  unfit(): void;
}

export function printFit(doc: Document): PrintFit {
  let fitted: SVGSVGElement[] = [];
  const fit = () => {
    for (const svg of doc.querySelectorAll<SVGSVGElement>(".plot .svg-container > svg.main-svg")) {
      const width = Number(svg.getAttribute("width"));
      const height = Number(svg.getAttribute("height"));
      const container = svg.parentElement;
      if (!(width > 0 && height > 0) || svg.hasAttribute("viewBox") || !container) continue;
      svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
      svg.setAttribute("preserveAspectRatio", "xMinYMin meet");
      container.style.setProperty("--roilab-print-aspect", `${width} / ${height}`);
      container.style.setProperty("--roilab-print-max-width", `${width}px`);
      container.classList.add("roilab-print-fit");
      fitted.push(svg);
    }
  };
  const unfit = () => {
    for (const svg of fitted) {
      svg.removeAttribute("viewBox");
      svg.removeAttribute("preserveAspectRatio");
      const container = svg.parentElement;
      container?.style.removeProperty("--roilab-print-aspect");
      container?.style.removeProperty("--roilab-print-max-width");
      container?.classList.remove("roilab-print-fit");
    }
    fitted = [];
  };
  return { fit, unfit };
}
