/** The analyses as plain text for the terminal: the chapter's tables, the audit and a price-update diff. */
export { chapterTextReport, CHAPTER_BREAK_EVEN_APIS } from "./tables";
export { renderTextTable, type TextColumn } from "./text-table";
export { auditReport, auditTable } from "./audit";
export { diffText, diffHtmlBody } from "./diff";
export { decisionText, decisionJson } from "./decide";
