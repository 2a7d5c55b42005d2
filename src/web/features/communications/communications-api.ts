import { queryOptions } from "@tanstack/react-query";
import type {
  Message,
  MessageList,
  OutboxStatus,
  SettleMessageInput,
} from "../../../domain/communications/communications.schemas";
import { api } from "../../api/api-client";

type MessageFilter = { status: OutboxStatus | null; interrupted?: boolean; customerId?: number };

export function messagesQuery(filter: MessageFilter) {
  return queryOptions({
    queryKey: ["messages", filter.status, filter.interrupted ?? false, filter.customerId ?? null],
    queryFn: ({ signal }) =>
      api.get<MessageList>(
        "/messages",
        {
          status: filter.status ?? undefined,
          interrupted: filter.interrupted ? "true" : undefined,
          customerId: filter.customerId,
          limit: 200,
        },
        signal,
      ),
  });
}

/** Settles an interrupted delivery (credit managers and administrators). */
export function settleMessage(id: number, input: SettleMessageInput): Promise<Message> {
  return api.post<Message>(`/messages/${id}/settle`, input);
}
