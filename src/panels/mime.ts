/**
 * The MIME type of a what-if panel's spec in a notebook's output: the display helpers write it, and the command
 * line tells the publisher to draw outputs of this type as live panels. No imports, so the kernel loads nothing more.
 */
export const WHATIF_MIME = "application/vnd.roilab.whatif+json";
