import { Alert, Button, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import type { TemplateBody, TemplateKey } from "../../../domain/communications/communications.schemas";
import { isApiError } from "../../api/api-error";
import { useI18n } from "../../i18n/use-i18n";
import { customerSearchQuery, previewTemplate } from "./templates-api";

function pdfUrlOf(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: "application/pdf" }));
}

/** The editor's text rendered for a real customer of the company: email, SMS text or the letter's PDF. */
export function TemplatePreview(props: {
  companyId: number;
  templateKey: TemplateKey;
  body: TemplateBody;
}): ReactNode {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const customers = useQuery(customerSearchQuery(props.companyId, debounced));
  const preview = useMutation({
    mutationFn: () =>
      previewTemplate({
        ...props.body,
        customerId: Number(customerId),
        language: props.templateKey.language,
        channel: props.templateKey.channel,
        code: props.templateKey.code,
      }),
  });
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  useEffect(() => {
    const url = preview.data?.pdf ? pdfUrlOf(preview.data.pdf) : null;
    setPdfUrl(url);
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [preview.data]);
  const rendered = preview.data;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={5}>{t("templates.preview")}</Title>
        <Group align="end">
          <Select
            label={t("templates.previewCustomer")}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            value={customerId}
            onChange={setCustomerId}
            data={(customers.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            filter={({ options }) => options}
            nothingFoundMessage={t("templates.noCustomer")}
            style={{ flex: 1 }}
            data-testid="preview-customer"
          />
          <Button
            variant="light"
            disabled={!customerId}
            onClick={() => preview.mutate()}
            loading={preview.isPending}
            data-testid="preview-button"
          >
            {t("templates.previewButton")}
          </Button>
        </Group>
        {preview.isError && (
          <Alert color="red">
            {isApiError(preview.error) && preview.error.issues.length > 0
              ? preview.error.issues.map((i) => i.message).join(" · ")
              : preview.error.message}
          </Alert>
        )}
        {rendered && (
          <Stack gap="xs" data-testid="preview-result">
            {rendered.subject && (
              <Text fw={600}>{t("templates.subjectLine", { subject: rendered.subject })}</Text>
            )}
            {pdfUrl ? (
              <iframe
                title={t("templates.preview")}
                src={pdfUrl}
                style={{ width: "100%", height: 720, border: 0 }}
              />
            ) : rendered.html ? (
              <iframe
                title={t("templates.preview")}
                sandbox=""
                srcDoc={rendered.html}
                style={{ width: "100%", height: 520, border: "1px solid var(--mantine-color-gray-3)" }}
              />
            ) : null}
            {!pdfUrl && (
              <Text component="pre" size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="preview-text">
                {rendered.text}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
