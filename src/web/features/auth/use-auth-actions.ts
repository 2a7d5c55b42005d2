import { notifications } from "@mantine/notifications";
import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import type { LoginInput, Me } from "../../../domain/users/users.schemas";
import type { UiLanguage } from "../../i18n/languages";
import { useT } from "../../i18n/use-i18n";
import { login, logout, ME_QUERY_KEY, updateMe } from "./auth-api";

export function useLogin(): UseMutationResult<Me, Error, LoginInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Nothing cached for a previous session may show through to this user.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
  });
}

/**
 * Closes the session, then reloads the app on the login page: nothing of this user's data stays in
 * memory, and the next user starts clean.
 */
export function useLogout(): UseMutationResult<void, Error, void> {
  const t = useT();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => window.location.replace("/login"),
    onError: () => notifications.show({ color: "red", message: t("user.logoutFailed") }),
  });
}

/** Saves the interface language in the user's profile, so that it follows them to other browsers. */
export function useSaveLanguage(): UseMutationResult<Me, Error, UiLanguage> {
  const queryClient = useQueryClient();
  const t = useT();
  return useMutation({
    mutationFn: (language: UiLanguage) => updateMe({ language }),
    onSuccess: (me) => queryClient.setQueryData(ME_QUERY_KEY, me),
    onError: () => notifications.show({ color: "orange", message: t("language.saveFailed") }),
  });
}
