export * from "./figure";
export * from "./theme";
export * from "./cost";
export * from "./break-even";
export * from "./hybrid";
export * from "./table";
export * from "./display";
export * from "./whatif";
