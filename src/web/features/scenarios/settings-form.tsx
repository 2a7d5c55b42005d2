import {
  Button,
  Chip,
  Group,
  Input,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { TimeInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import type { Company } from "../../../domain/companies/companies.schemas";
import type { DunningSettings } from "../../../domain/dunning/dunning.schemas";
import { isApiError } from "../../api/api-error";
import { QueryError } from "../../components/query-error";
import { useI18n } from "../../i18n/use-i18n";
import { rulesApi, SETTINGS_QUERY_KEY, settingsQuery } from "./rules-api";
import type { FieldMessages } from "./scenario-issues";
import { WEEKDAYS } from "./scenario-vocabulary";
import { weekdayName } from "./weekday-name";
import { withoutFields } from "./without-fields";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkSettings(settings: DunningSettings, t: ReturnType<typeof useI18n>["t"]): FieldMessages {
  const found: FieldMessages = {};
  if (settings.sendWindowStart >= settings.sendWindowEnd)
    found.sendWindowEnd = t("scenarios.settings.windowOrder");
  if (settings.workingDays.length === 0) found.workingDays = t("scenarios.settings.workingDaysRequired");
  if (settings.collectionEmail && !EMAIL.test(settings.collectionEmail)) {
    found.collectionEmail = t("scenarios.settings.emailFormat");
  }
  return found;
}

function SettingsFields({ company, initial }: { company: Company; initial: DunningSettings }): ReactNode {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [settings, setSettings] = useState<DunningSettings>(initial);
  const [errors, setErrors] = useState<FieldMessages>({});
  const set = (changes: Partial<DunningSettings>): void => {
    setSettings((previous) => ({ ...previous, ...changes }));
    // Either end of the send window can fix its order.
    const window = "sendWindowStart" in changes || "sendWindowEnd" in changes;
    const fields = [...Object.keys(changes), ...(window ? ["sendWindowStart", "sendWindowEnd"] : [])];
    setErrors((previous) => withoutFields(previous, fields));
  };

  const save = useMutation({
    mutationFn: () => rulesApi.saveSettings(company.id, settings),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsQuery(company.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: SETTINGS_QUERY_KEY });
      notifications.show({ color: "green", message: t("scenarios.settings.saved") });
    },
    onError: (error) => {
      if (isApiError(error, 400))
        setErrors(Object.fromEntries(error.issues.map((i) => [i.field, i.message])));
    },
  });
  const isToldByFields = isApiError(save.error, 400) && save.error.issues.length > 0;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = checkSettings(settings, t);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const days = (value: number | string): number => (typeof value === "number" ? value : 0);

  return (
    <form onSubmit={submit} noValidate data-testid="settings-form">
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <NumberInput
            label={t("scenarios.settings.minGap")}
            description={t("scenarios.settings.minGapHint")}
            value={settings.minGapDays}
            onChange={(value) => set({ minGapDays: days(value) })}
            min={0}
            max={60}
            allowDecimal={false}
            suffix={` ${t("scenarios.settings.daysUnit")}`}
            error={errors.minGapDays}
            data-testid="settings-min-gap"
          />
          <NumberInput
            label={t("scenarios.settings.promiseGrace")}
            description={t("scenarios.settings.promiseGraceHint")}
            value={settings.promiseGraceDays}
            onChange={(value) => set({ promiseGraceDays: days(value) })}
            min={0}
            max={60}
            allowDecimal={false}
            suffix={` ${t("scenarios.settings.daysUnit")}`}
            error={errors.promiseGraceDays}
            data-testid="settings-promise-grace"
          />
        </SimpleGrid>
        <Input.Wrapper
          label={t("scenarios.settings.catchUp")}
          description={t("scenarios.settings.catchUpHint")}
        >
          <SegmentedControl
            mt={6}
            value={settings.catchUp}
            onChange={(value) => set({ catchUp: value === "all" ? "all" : "latest" })}
            data={[
              { value: "latest", label: t("scenarios.settings.catchUp.latest") },
              { value: "all", label: t("scenarios.settings.catchUp.all") },
            ]}
            aria-label={t("scenarios.settings.catchUp")}
            data-testid="settings-catch-up"
          />
        </Input.Wrapper>
        <Input.Wrapper
          label={t("scenarios.settings.window")}
          description={t("scenarios.settings.windowHint", { timeZone: company.timeZone })}
          error={errors.sendWindowEnd ?? errors.sendWindowStart}
        >
          <Group gap="sm" mt={6} align="flex-start">
            <TimeInput
              aria-label={t("scenarios.settings.windowStart")}
              value={settings.sendWindowStart}
              onChange={(event) => set({ sendWindowStart: event.currentTarget.value })}
              error={Boolean(errors.sendWindowStart)}
              w={130}
              data-testid="settings-window-start"
            />
            <Text pt={6}>{t("scenarios.settings.windowTo")}</Text>
            <TimeInput
              aria-label={t("scenarios.settings.windowEnd")}
              value={settings.sendWindowEnd}
              onChange={(event) => set({ sendWindowEnd: event.currentTarget.value })}
              error={Boolean(errors.sendWindowEnd)}
              w={130}
              data-testid="settings-window-end"
            />
          </Group>
        </Input.Wrapper>
        <Input.Wrapper
          label={t("scenarios.settings.workingDays")}
          description={t("scenarios.settings.workingDaysHint")}
          error={errors.workingDays}
        >
          <Chip.Group
            multiple
            value={settings.workingDays.map(String)}
            onChange={(values) => set({ workingDays: values.map(Number).sort((a, b) => a - b) })}
          >
            <Group gap="xs" mt={6} role="group" aria-label={t("scenarios.settings.workingDays")}>
              {WEEKDAYS.map((day) => (
                <Chip
                  key={day}
                  value={String(day)}
                  size="sm"
                  wrapperProps={{ "data-testid": `settings-day-${day}` }}
                >
                  {weekdayName(day, locale)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
        <TextInput
          label={t("scenarios.settings.collectionEmail")}
          description={t("scenarios.settings.collectionEmailHint")}
          type="email"
          value={settings.collectionEmail ?? ""}
          onChange={(event) => set({ collectionEmail: event.currentTarget.value.trim() || null })}
          error={errors.collectionEmail}
          maw={420}
          data-testid="settings-collection-email"
        />
        {save.isError && !isToldByFields && <QueryError error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="settings-save">
            {t("scenarios.settings.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The company's dunning settings: contact pressure, catch-up, send window, promises, collection team. */
export function SettingsForm({ company }: { company: Company }): ReactNode {
  const { t } = useI18n();
  const settings = useQuery(settingsQuery(company.id));
  return (
    <Paper withBorder radius="md" p="lg" maw={880}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("scenarios.settings.intro", { company: company.name })}
        </Text>
        {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
        {settings.isPending && <Skeleton height={320} />}
        {settings.data && <SettingsFields company={company} initial={settings.data} />}
      </Stack>
    </Paper>
  );
}
