import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isApiError } from "../../api/api-error";
import type { MessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/use-i18n";
import {
  type CallRequest,
  type DisputeRequest,
  type PromiseRequest,
  type TransitionRequest,
  WORKBENCH_QUERY_KEY,
  workbenchApi,
} from "./workbench-api";

/**
 * A change on the workbench refreshes the promises and disputes, the customer's dunning (its holds), the
 * customer (disputed totals) and its timeline. Errors are shown once here; the forms also mark the fields
 * the error's issues name.
 */
function useWorkbenchMutation<V, R>(mutate: (variables: V) => Promise<R>, successMessage: MessageKey) {
  const t = useT();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mutate,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: WORKBENCH_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ["dunning"] });
      void queryClient.invalidateQueries({ queryKey: ["customers"] });
      notifications.show({ color: "green", message: t(successMessage) });
    },
    onError: (error) => {
      notifications.show({
        color: "red",
        title: t("workbench.saveFailed"),
        message: isApiError(error) ? error.message : t("error.generic"),
      });
    },
  });
}

export function useRecordPromise(customerId: number) {
  return useWorkbenchMutation(
    (input: PromiseRequest) => workbenchApi.recordPromise(customerId, input),
    "workbench.promise.saved",
  );
}

export function useCancelPromise() {
  return useWorkbenchMutation(
    (promiseId: number) => workbenchApi.cancelPromise(promiseId),
    "workbench.promise.cancelled",
  );
}

export function useOpenDispute(customerId: number) {
  return useWorkbenchMutation(
    (input: DisputeRequest) => workbenchApi.openDispute(customerId, input),
    "workbench.dispute.saved",
  );
}

export function useTransitionDispute() {
  return useWorkbenchMutation(
    ({ id, ...input }: TransitionRequest & { id: number }) => workbenchApi.transitionDispute(id, input),
    "workbench.dispute.moved",
  );
}

export function useLogCall(customerId: number) {
  return useWorkbenchMutation(
    (input: CallRequest) => workbenchApi.logCall(customerId, input),
    "workbench.call.saved",
  );
}

/** The message of the issue the API gave for a field (or one of its sub-fields), to show on the input. */
export function issueOf(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  return error.issues.find((issue) => issue.field === field || issue.field.startsWith(`${field}.`))?.message;
}
