/**
 * The HTML policy of published pages. Jupyter inserts `text/html` outputs raw for notebooks it trusts, but a
 * report is opened by people who never ran it, so by default roilab keeps only markup that cannot run code:
 * no script, no event handler, no link but `http`, `https`, `mailto` or within the site, no style beyond text
 * alignment. `--trust-html` turns this off for notebooks whose outputs the publisher vouches for. Images must
 * be base64 data.
 */
import sanitizeHtml from "sanitize-html";

const LINK_SCHEMES = ["http", "https", "mailto"];

/**
 * Whether a link, as the browser reads it, has a scheme pages may link to. The page's own pass keeps entities as
 * written, so it would judge `&#106;avascript:` by its spelling; this pass lets the sanitiser's parser decode the
 * value first (`&colon;`, a tab inside the scheme, a reference with no semicolon) and then apply its scheme rule.
 */
function linkAllowed(href: string): boolean {
  const probe = `<a href="${href.replace(/"/g, "&quot;")}"></a>`;
  const checked = sanitizeHtml(probe, {
    allowedTags: ["a"],
    allowedAttributes: { a: ["href"] },
    allowedSchemes: LINK_SCHEMES,
    allowProtocolRelative: false,
  });
  return checked !== "<a></a>";
}

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: sanitizeHtml.defaults.allowedTags,
  allowedAttributes: {
    "*": ["class", "style", "title"],
    a: ["href", "name"],
    td: ["colspan", "rowspan", "data-value", "data-label"],
    th: ["colspan", "rowspan", "scope"],
  },
  allowedSchemes: LINK_SCHEMES,
  allowedStyles: { "*": { "text-align": [/^(left|right|center)$/], "font-variant-numeric": [/^tabular-nums$/] } },
  transformTags: {
    a: (tagName, attribs) => {
      if (attribs.href === undefined || linkAllowed(attribs.href)) return { tagName, attribs };
      const { href: _dropped, ...rest } = attribs;
      return { tagName, attribs: rest };
    },
  },
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
