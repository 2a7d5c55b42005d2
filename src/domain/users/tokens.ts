import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe; only their SHA-256 is ever stored. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
