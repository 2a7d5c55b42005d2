import { queryOptions } from "@tanstack/react-query";
import type { LoginInput, Me, UpdateMeInput } from "../../../domain/users/users.schemas";
import { api, setCsrfToken } from "../../api/api-client";
import { isApiError } from "../../api/api-error";

export const ME_QUERY_KEY = ["auth", "me"] as const;

/** The signed-in user, or null when there is no session (401). */
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    const me = await api.get<Me>("/auth/me", undefined, signal);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (!isApiError(error, 401)) throw error;
    setCsrfToken(null);
    return null;
  }
}

export const meQuery = queryOptions({
  queryKey: ME_QUERY_KEY,
  queryFn: ({ signal }) => fetchMe(signal),
  // The session changes only through login, logout, or a 401 from another call.
  staleTime: Number.POSITIVE_INFINITY,
});

export async function login(input: LoginInput): Promise<Me> {
  const me = await api.post<Me>("/auth/login", input);
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>("/auth/logout");
  } catch (error) {
    // A session that has already expired is as good as closed.
    if (!isApiError(error, 401)) throw error;
  }
  setCsrfToken(null);
}

export function updateMe(input: UpdateMeInput): Promise<Me> {
  return api.patch<Me>("/auth/me", input);
}
