import { z } from "zod";
import { LanguageCode } from "../../shared/schemas";

export const ROLES = ["admin", "credit_manager", "collector", "sales", "viewer"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LoginInput = z.object({
  email: z.string().trim().min(1, "is required").max(320),
  password: z.string().min(1, "is required").max(1000),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const UserSummary = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: Role,
  language: z.string(),
  isActive: z.boolean(),
});
export type UserSummary = z.infer<typeof UserSummary>;

/** What the web app learns about the signed-in user; the CSRF token goes in `X-CSRF-Token`. */
export const Me = z.object({ user: UserSummary, csrfToken: z.string() });
export type Me = z.infer<typeof Me>;

export const UserList = z.object({ items: z.array(UserSummary) });
export type UserList = z.infer<typeof UserList>;

export const UserListQuery = z.object({ role: Role.optional() });
export type UserListQuery = z.infer<typeof UserListQuery>;

export const PASSWORD_MIN_LENGTH = 10;

export const CreateUserInput = z.object({
  email: z.email("must be an email address").max(320),
  name: z.string().trim().min(1, "must not be empty").max(200),
  role: Role,
  language: LanguageCode.default("fr"),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `must have at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(1000),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateMeInput = z.object({ language: LanguageCode });
export type UpdateMeInput = z.infer<typeof UpdateMeInput>;

export const CreateApiTokenInput = z.object({ name: z.string().trim().min(1, "must not be empty").max(100) });
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;

export const ApiTokenSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiTokenSummary = z.infer<typeof ApiTokenSummary>;

/** The token itself is shown once, at creation. */
export const CreatedApiToken = ApiTokenSummary.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
