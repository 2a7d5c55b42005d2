import { Anchor } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { PlannedAction } from "../../../domain/dunning/dunning.schemas";

/** The customer's name, a link to their page. */
export function CustomerLink({ customer }: { customer: PlannedAction["customer"] }): ReactNode {
  return (
    <Anchor component={Link} to={`/customers/${customer.id}`} fw={600} size="sm">
      {customer.name}
    </Anchor>
  );
}
