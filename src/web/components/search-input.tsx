import { CloseButton, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useT } from "../i18n/use-i18n";

const DEBOUNCE_MS = 300;

type SearchInputProps = {
  /** The committed search (from the URL). */
  value: string;
  onSearch(value: string): void;
  placeholder: string;
  "data-testid"?: string;
};

/** A search box that commits after a pause in typing, and follows `value` when it changes from outside. */
export function SearchInput({ value, onSearch, placeholder, ...rest }: SearchInputProps): ReactNode {
  const t = useT();
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (value !== committed) {
    // Back/forward or a link changed the search: show it, unless it is what is being typed.
    setCommitted(value);
    if (value !== text.trim()) setText(value);
  }
  const commit = useDebouncedCallback((next: string) => onSearch(next.trim()), DEBOUNCE_MS);

  const clear = (): void => {
    commit.cancel();
    setText("");
    onSearch("");
  };

  return (
    <TextInput
      type="search"
      aria-label={t("common.search")}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} stroke={1.5} />}
      rightSection={text ? <CloseButton size="sm" aria-label={t("common.clear")} onClick={clear} /> : null}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit.flush();
      }}
      data-testid={rest["data-testid"]}
    />
  );
}
