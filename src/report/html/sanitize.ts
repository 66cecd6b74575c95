/**
 * The HTML policy of published pages. Jupyter inserts `text/html` outputs raw for notebooks it trusts, but a
 * report is opened by people who never ran it, so by default roilab keeps only markup that cannot run code:
 * no script, no event handler, no javascript: link, no style beyond text alignment. `--trust-html` turns
 * this off for notebooks whose outputs the publisher vouches for. Images must be base64 data.
 */
import sanitizeHtml from "sanitize-html";

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: sanitizeHtml.defaults.allowedTags,
  allowedAttributes: { "*": ["class", "style", "title"], a: ["href", "name"], td: ["colspan", "rowspan", "data-value"], th: ["colspan", "rowspan", "scope"] },
  allowedStyles: { "*": { "text-align": [/^(left|right|center)$/], "font-variant-numeric": [/^tabular-nums$/] } },
  // Entities stay as written, so escaped text (roilab's own tables) comes through byte for byte.
  parser: { decodeEntities: false },
};

/** `text/html` output as a page shows it: sanitised, unless the publisher trusts the notebook's HTML. */
export function outputHtml(html: string, trust: boolean): string {
  return trust ? html : sanitizeHtml(html, POLICY);
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Whether image output data is plain base64, the only form a page puts into an image's src. */
export function isBase64(data: string): boolean {
  const compact = data.replace(/\s+/g, "");
  return compact.length > 0 && compact.length % 4 === 0 && BASE64.test(compact);
}
