import { SimpleGrid, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";
import type { MappingEditorState } from "./use-mapping-editor";

type BankMappingFieldsProps = { editor: MappingEditorState; disabled: boolean };

/** What a bank's export often leaves out: the currency of its lines and the account it is about. */
export function BankMappingFields({ editor, disabled }: BankMappingFieldsProps): ReactNode {
  const t = useT();
  const { draft, setDraft } = editor;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput
        label={t("mapping.bankCurrency")}
        description={t("mapping.bankCurrencyHint")}
        placeholder="EUR"
        value={draft.currency ?? ""}
        onChange={(event) => {
          const text = event.currentTarget.value.trim().toUpperCase();
          setDraft((previous) => ({ ...previous, currency: text === "" ? null : text }));
        }}
        maxLength={3}
        disabled={disabled}
        data-testid="mapping-bank-currency"
      />
      <TextInput
        label={t("mapping.bankAccount")}
        description={t("mapping.bankAccountHint")}
        placeholder="FR76 3000 4000 0312 3456 7890 143"
        value={draft.accountIban ?? ""}
        onChange={(event) => {
          const text = event.currentTarget.value;
          setDraft((previous) => ({ ...previous, accountIban: text.trim() === "" ? null : text }));
        }}
        disabled={disabled}
        data-testid="mapping-bank-account"
      />
    </SimpleGrid>
  );
}
