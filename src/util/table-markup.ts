/** The class of a table a notebook shows: the page's script finds tables by it to offer their CSV. */
export const TABLE_CLASS = "roilab-table";

/** The tables of a report page's body. */
export const TABLE_SELECTOR = `main.report table.${TABLE_CLASS}`;
