export { chapterTextReport, CHAPTER_BREAK_EVEN_APIS } from "./text-report";
export { renderTextTable, type TextColumn } from "./text-table";
export { auditTable } from "./audit";
export { diffText, diffHtmlBody } from "./diff";
