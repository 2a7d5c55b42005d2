import { apiErrorOf, apiUrl, csrfHeaders } from "./api-client";
import { ApiError, NETWORK_ERROR_STATUS } from "./api-error";

export type UploadCallbacks = {
  /** Share of the request body sent so far, from 0 to 1. */
  onUploadProgress?(fraction: number): void;
  /** Every byte is sent; the server is now working on them. */
  onUploaded?(): void;
};

/**
 * POSTs a multipart form to the API with XMLHttpRequest, the one browser API that reports upload
 * progress reliably; resolves with the parsed JSON body, rejects with an `ApiError` like `apiRequest`.
 */
export function apiUpload<T>(path: string, form: FormData, callbacks: UploadCallbacks = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrl(path));
    xhr.setRequestHeader("Accept", "application/json");
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);

    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0) callbacks.onUploadProgress?.(event.loaded / event.total);
    });
    xhr.upload.addEventListener("load", () => callbacks.onUploaded?.());
    xhr.addEventListener("load", () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(apiErrorOf(xhr.status, xhr.statusText, xhr.responseText));
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(apiErrorOf(xhr.status, xhr.statusText, xhr.responseText));
      }
    });
    xhr.addEventListener("error", () =>
      reject(new ApiError({ status: NETWORK_ERROR_STATUS, code: "NETWORK", message: "Network error" })),
    );
    xhr.send(form);
  });
}
