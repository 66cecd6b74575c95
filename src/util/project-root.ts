import * as path from "node:path";

/** The roilab package folder: two levels above any compiled module in `dist/<folder>/`. */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
