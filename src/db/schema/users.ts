import { sql } from "drizzle-orm";
import { boolean, char, index, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, instant, ref, updatedAt } from "./columns";

export const userRole = pgEnum("user_role", ["admin", "credit_manager", "collector", "sales", "viewer"]);

export const appUser = pgTable(
  "app_user",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull(),
    language: char("language", { length: 2 }).notNull().default("fr"),
    passwordHash: text("password_hash"),
    isActive: boolean("is_active").notNull().default(true),
    lastLoginAt: instant("last_login_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("app_user_email_key").on(sql`lower(${t.email})`)],
);

/** A browser session; only the SHA-256 of the cookie value is stored. */
export const userSession = pgTable(
  "user_session",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    userId: ref("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [uniqueIndex("user_session_token_key").on(t.tokenHash), index("user_session_user_idx").on(t.userId)],
);

/** Bearer tokens for machines (ERP connectors); only the SHA-256 is stored. */
export const apiToken = pgTable(
  "api_token",
  {
    id: id(),
    userId: ref("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant("last_used_at"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [uniqueIndex("api_token_hash_key").on(t.tokenHash)],
);

/** Failed logins, kept in the database so that every web process sees the same counts. */
export const loginFailure = pgTable(
  "login_failure",
  {
    id: id(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: instant("at").notNull().defaultNow(),
  },
  (t) => [index("login_failure_email_idx").on(t.email, t.at), index("login_failure_ip_idx").on(t.ip, t.at)],
);
