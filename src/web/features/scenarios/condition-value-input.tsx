import { MultiSelect, NumberInput, SegmentedControl, TagsInput, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/use-i18n";
import { customerFacetsQuery } from "../customers/customers-api";
import { toDecimalInput, toDecimalString } from "./decimal-input";
import type { AnyCondition } from "./describe-condition";
import { describeValue } from "./describe-condition";
import { PAYMENT_METHOD_OPTIONS, RISK_CLASS_OPTIONS } from "./scenario-vocabulary";

type ValueInputProps = {
  condition: AnyCondition;
  onChange(condition: AnyCondition): void;
  companyId: number | null;
  error?: string;
  label: string;
  disabled?: boolean;
};

/** Known values first, then those the condition already holds (an open vocabulary keeps them all). */
function withCurrent(known: readonly string[], current: readonly string[]): string[] {
  return [...new Set([...known, ...current])];
}

function TextValues(
  props: ValueInputProps & { condition: Extract<AnyCondition, { values: string[] }> },
): ReactNode {
  const { condition, onChange, companyId, error, label, disabled } = props;
  const { t, locale } = useI18n();
  const isSegment = condition.field === "segment";
  const facets = useQuery({ ...customerFacetsQuery(companyId ?? undefined), enabled: isSegment });
  const setValues = (values: string[]): void => onChange({ ...condition, values });
  const common = {
    "aria-label": label,
    error,
    disabled,
    value: condition.values,
    size: "sm" as const,
    flex: 1,
    miw: 200,
  };

  if (condition.field === "segment" || condition.field === "payment_method") {
    const known = isSegment ? (facets.data?.segments ?? []) : PAYMENT_METHOD_OPTIONS;
    const data = withCurrent(known, condition.values).map((value) => ({
      value,
      label: describeValue(condition.field, value, t, locale),
    }));
    return <MultiSelect {...common} data={data} onChange={setValues} searchable hidePickedOptions />;
  }
  const suggestions = condition.field === "risk_class" ? [...RISK_CLASS_OPTIONS] : [];
  const normalise = (values: string[]): string[] =>
    condition.field === "country" || condition.field === "risk_class"
      ? values.map((value) => value.trim().toUpperCase())
      : values.map((value) => value.trim());
  return (
    <TagsInput
      {...common}
      data={suggestions}
      onChange={(values) => setValues(normalise(values))}
      placeholder={t("scenarios.cond.tagsHint")}
      splitChars={condition.field === "payment_terms" ? [";"] : [",", ";", " "]}
    />
  );
}

/** The value part of a condition row: an amount, a number of days, a list of values, or yes/no. */
export function ConditionValueInput(props: ValueInputProps): ReactNode {
  const { condition, onChange, error, label, disabled } = props;
  const { t, locale } = useI18n();
  if ("values" in condition) return <TextValues {...props} condition={condition} />;
  if (typeof condition.value === "boolean") {
    return (
      <SegmentedControl
        aria-label={label}
        value={condition.value ? "yes" : "no"}
        onChange={(value) => onChange({ ...condition, value: value === "yes" } as AnyCondition)}
        data={[
          { value: "yes", label: t("scenarios.cond.yes") },
          { value: "no", label: t("scenarios.cond.no") },
        ]}
        disabled={disabled}
      />
    );
  }
  if (typeof condition.value === "number") {
    return (
      <NumberInput
        aria-label={label}
        value={condition.value}
        onChange={(value) =>
          onChange({ ...condition, value: typeof value === "number" ? value : 0 } as AnyCondition)
        }
        allowDecimal={false}
        min={-3650}
        max={3650}
        error={error}
        disabled={disabled}
        w={140}
      />
    );
  }
  return (
    <TextInput
      aria-label={label}
      value={toDecimalInput(condition.value, locale)}
      onChange={(event) =>
        onChange({ ...condition, value: toDecimalString(event.currentTarget.value) } as AnyCondition)
      }
      inputMode="decimal"
      placeholder={toDecimalInput("5000.00", locale)}
      error={error}
      disabled={disabled}
      w={160}
      styles={{ input: { textAlign: "right", fontVariantNumeric: "tabular-nums" } }}
    />
  );
}
