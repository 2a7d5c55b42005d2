import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CustomerDunning } from "../../../domain/dunning/dunning.schemas";
import type { Role } from "../../../domain/users/users.schemas";
import { isApiError } from "../../api/api-error";
import type { MessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/use-i18n";
import { customerDunningQuery, DUNNING_QUERY_KEY, dunningApi, type HoldRequest } from "./dunning-api";

/** Who may suspend and resume a customer's dunning (the people who work the customers). */
export const HOLD_ROLES: readonly Role[] = ["admin", "credit_manager", "collector"];

/**
 * The customer's dunning changes (scenario, holds): each answer is the new CustomerDunning, put in the
 * cache at once; the calendar, the queue and the customer's timeline are refreshed behind it.
 */
function useCustomerDunningMutation<V>(
  customerId: number,
  mutate: (variables: V) => Promise<CustomerDunning>,
  successMessage: MessageKey,
) {
  const t = useT();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mutate,
    onSuccess: (dunning) => {
      queryClient.setQueryData(customerDunningQuery(customerId).queryKey, dunning);
      void queryClient.invalidateQueries({
        queryKey: DUNNING_QUERY_KEY,
        predicate: (query) => query.queryKey[1] !== "customer" || query.queryKey[2] !== customerId,
      });
      void queryClient.invalidateQueries({ queryKey: ["customers", customerId, "timeline"] });
      notifications.show({ color: "green", message: t(successMessage) });
    },
    onError: (error) => {
      // The hold form also marks the fields named by the error's issues.
      notifications.show({
        color: "red",
        title: t("dunning.customer.saveFailed"),
        message: isApiError(error) ? error.message : t("error.generic"),
      });
    },
  });
}

export function useSetScenario(customerId: number) {
  return useCustomerDunningMutation(
    customerId,
    (scenarioId: number | null) => dunningApi.setScenario(customerId, scenarioId),
    "dunning.scenario.saved",
  );
}

export function useHold(customerId: number) {
  return useCustomerDunningMutation(
    customerId,
    (input: HoldRequest) => dunningApi.hold(customerId, input),
    "dunning.hold.saved",
  );
}

export function useReleaseHold(customerId: number) {
  return useCustomerDunningMutation(
    customerId,
    (holdId: number) => dunningApi.releaseHold(holdId),
    "dunning.hold.released",
  );
}
