/**
 * The headless runner: notebooks executed on real tslab kernels over the Jupyter protocol, with parameters and
 * a cache. It knows no roilab data, figures or HTML; the caller hands it a data folder's inspection and the
 * reading of the folder's own parameter values.
 */
export * from "./protocol";
export * from "./kernel";
export * from "./kernel-install";
export * from "./nbformat";
export * from "./translations";
export * from "./parameters";
export * from "./failure";
export * from "./outputs";
export * from "./cache";
export * from "./data-folder";
export * from "./execute";
export * from "./run";
export * from "./progress";
export * from "./kernel-pool";
