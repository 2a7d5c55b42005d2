import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ImportReport } from "../../../domain/imports/imports.schemas";
import { IMPORTS_QUERY_KEY, type ImportRequest, uploadImport } from "./imports-api";

export type ImportUpload = {
  mutation: UseMutationResult<ImportReport[], Error, ImportRequest>;
  /**
   * While the request runs: the share of bytes sent (0 to 1), then null once every byte is sent and
   * the server is checking and saving the rows. Undefined when nothing runs.
   */
  progress: number | null | undefined;
};

/** Sends an import and follows it; the history (and, after a real import, the lists) are refreshed. */
export function useImportUpload(): ImportUpload {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(0);
  const mutation = useMutation({
    mutationFn: (request: ImportRequest) =>
      uploadImport(request, { onUploadProgress: setProgress, onUploaded: () => setProgress(null) }),
    onMutate: () => setProgress(0),
    onSettled: (_reports, _error, request) => {
      // Even a request that failed may have imported the files sent before the one that broke it.
      void queryClient.invalidateQueries({ queryKey: IMPORTS_QUERY_KEY });
      if (request.dryRun) return;
      void queryClient.invalidateQueries({ queryKey: ["customers"] });
      void queryClient.invalidateQueries({ queryKey: ["invoices"] });
    },
  });
  return { mutation, progress: mutation.isPending ? progress : undefined };
}
