import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { Navigate, useSearchParams } from "react-router";
import { isApiError, NETWORK_ERROR_STATUS } from "../../api/api-error";
import type { Translate } from "../../i18n/messages";
import { useT } from "../../i18n/use-i18n";
import { LanguageSwitch } from "../../layout/language-switch";
import { ProductLogo } from "../../layout/product-logo";
import { safeNextPath } from "./safe-next-path";
import { useLogin } from "./use-auth-actions";
import { useMe } from "./use-me";

type FieldErrors = { email?: string; password?: string };

function loginErrorMessage(error: unknown, t: Translate): string {
  if (isApiError(error, 401)) return t("login.invalidCredentials");
  if (isApiError(error, NETWORK_ERROR_STATUS)) return t("error.network");
  if (isApiError(error) && error.message) return error.message;
  return t("error.generic");
}

export function LoginPage(): ReactNode {
  const t = useT();
  const me = useMe();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));
  const loginMutation = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  useDocumentTitle(`${t("login.title")} · Encours`);

  // Signed in (now, or already when the page opened): go where the user wanted to go.
  if (me) return <Navigate to={next} replace />;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const errors: FieldErrors = {
      email: email.trim() ? undefined : t("login.required"),
      password: password ? undefined : t("login.required"),
    };
    setFieldErrors(errors);
    if (errors.email || errors.password) return;
    loginMutation.mutate({ email: email.trim(), password });
  };

  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb={80}>
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={400}>
          <Stack gap="lg">
            <Stack gap={4} align="center">
              <ProductLogo size="lg" />
              <Text c="dimmed" size="sm" ta="center">
                {t("app.tagline")}
              </Text>
            </Stack>
            <Title order={2} size="h3">
              {t("login.title")}
            </Title>
            <form onSubmit={submit} noValidate data-testid="login-form">
              <Stack gap="md">
                {loginMutation.isError && (
                  <Alert
                    color="red"
                    icon={<IconAlertCircle />}
                    title={t("login.failed")}
                    data-testid="login-error"
                  >
                    {loginErrorMessage(loginMutation.error, t)}
                  </Alert>
                )}
                <TextInput
                  label={t("login.email")}
                  type="email"
                  autoComplete="username"
                  autoFocus
                  value={email}
                  onChange={(event) => setEmail(event.currentTarget.value)}
                  error={fieldErrors.email}
                  data-testid="login-email"
                />
                <PasswordInput
                  label={t("login.password")}
                  autoComplete="current-password"
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                  error={fieldErrors.password}
                  data-testid="login-password"
                />
                <Button type="submit" loading={loginMutation.isPending} fullWidth data-testid="login-submit">
                  {t("login.submit")}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
