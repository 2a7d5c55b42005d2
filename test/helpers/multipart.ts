/** A multipart/form-data body for `app.inject`: the fields first (the server reads them before the files). */
export function multipart(
  fields: Record<string, string>,
  files: { name: string; content: string; type?: string }[],
): { payload: string; headers: Record<string, string> } {
  const boundary = "----encours-test-boundary";
  const parts = [
    ...Object.entries(fields).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    ),
    ...files.map(
      (f) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type ?? "application/octet-stream"}\r\n\r\n${f.content}\r\n`,
    ),
    `--${boundary}--\r\n`,
  ];
  return {
    payload: parts.join(""),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
