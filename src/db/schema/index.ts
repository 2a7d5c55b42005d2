export * from "./activity";
export * from "./companies";
export * from "./customers";
export * from "./imports";
export * from "./ledger";
export * from "./users";
