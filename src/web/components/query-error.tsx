import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconLock, IconSearchOff } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { isApiError, NETWORK_ERROR_STATUS } from "../api/api-error";
import type { MessageKey } from "../i18n/messages";
import { useT } from "../i18n/use-i18n";

type QueryErrorProps = {
  error: unknown;
  onRetry?: () => void;
  /** Message for a 404 (the thing asked for does not exist). */
  notFoundMessage?: MessageKey;
};

/** What a failed request tells the user: no access, not found, server unreachable, or the API's message. */
export function QueryError({ error, onRetry, notFoundMessage }: QueryErrorProps): ReactNode {
  const t = useT();
  if (isApiError(error, 403)) {
    return (
      <Alert color="orange" icon={<IconLock />} title={t("error.forbiddenTitle")} data-testid="forbidden">
        {t("error.forbidden")}
      </Alert>
    );
  }
  if (isApiError(error, 404)) {
    return (
      <Alert color="gray" icon={<IconSearchOff />} title={t("error.notFoundShort")} data-testid="not-found">
        {t(notFoundMessage ?? "error.notFound")}
      </Alert>
    );
  }
  const message = isApiError(error, NETWORK_ERROR_STATUS)
    ? t("error.network")
    : isApiError(error) && error.message
      ? error.message
      : t("error.generic");
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t("error.title")} data-testid="query-error">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t("error.retry")}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
