import type { Role } from "./users.schemas";

/** Who is acting: a signed-in user, a machine with an API token, or the system (scheduler, CLI). */
export type Actor = {
  kind: "user" | "api_token" | "system";
  userId: number | null;
  role: Role;
  name: string;
  language: string;
};

export const SYSTEM_ACTOR: Actor = {
  kind: "system",
  userId: null,
  role: "admin",
  name: "system",
  language: "fr",
};

export type AuthenticatedSession = { actor: Actor; csrfToken: string; sessionId: number };
