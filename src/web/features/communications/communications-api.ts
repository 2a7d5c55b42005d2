import { queryOptions } from "@tanstack/react-query";
import type { MessageList, OutboxStatus } from "../../../domain/communications/communications.schemas";
import { api } from "../../api/api-client";

export function messagesQuery(filter: { status: OutboxStatus | null; customerId?: number }) {
  return queryOptions({
    queryKey: ["messages", filter.status, filter.customerId ?? null],
    queryFn: ({ signal }) =>
      api.get<MessageList>(
        "/messages",
        { status: filter.status ?? undefined, customerId: filter.customerId, limit: 200 },
        signal,
      ),
  });
}
