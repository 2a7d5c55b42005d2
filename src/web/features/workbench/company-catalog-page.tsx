import { Select, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { companiesQuery } from "../companies/companies-api";

type Props = {
  title: string;
  subtitle: string;
  companyLabel: string;
  testId: string;
  /** The catalogue of the company chosen (the first one until another is picked). */
  children: (companyId: number) => ReactNode;
};

/**
 * A settings page that keeps one list per company (dispute reasons, departments): its title, what it is for,
 * the company picker when there are several, and the chosen company's list.
 */
export function CompanyCatalogPage({ title, subtitle, companyLabel, testId, children }: Props): ReactNode {
  useDocumentTitle(`${title} · Encours`);
  const companies = useQuery(companiesQuery).data?.items ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  const companyId = chosen ?? companies[0]?.id ?? null;
  return (
    <Stack gap="lg" data-testid={`${testId}-page`}>
      <Stack gap={4} maw={760}>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed" size="sm">
          {subtitle}
        </Text>
      </Stack>
      {companies.length > 1 && (
        <Select
          label={companyLabel}
          data={companies.map((company) => ({
            value: String(company.id),
            label: `${company.code} · ${company.name}`,
          }))}
          value={companyId === null ? null : String(companyId)}
          onChange={(value) => setChosen(value ? Number(value) : null)}
          allowDeselect={false}
          w={{ base: "100%", xs: 320 }}
          data-testid={`${testId}-company`}
        />
      )}
      {companyId !== null && children(companyId)}
    </Stack>
  );
}
