import { bigint, char, date, timestamp } from "drizzle-orm/pg-core";

/** Shared column builders so that every table spells money, dates and instants the same way. */
export const id = () => bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity();
export const ref = (name: string) => bigint(name, { mode: "number" });
export const minor = (name: string) => bigint(name, { mode: "number" });
export const currency = (name = "currency") => char(name, { length: 3 });
export const day = (name: string) => date(name, { mode: "string" });
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const createdAt = () => instant("created_at").notNull().defaultNow();
export const updatedAt = () => instant("updated_at").notNull().defaultNow();
