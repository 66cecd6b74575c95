/** The notebook display helpers: figures, tables, markdown and what-if panels as cell outputs. */
export * from "./display";
export * from "./html-table";
