import { parentPort } from "node:worker_threads";
import type { LetterContent } from "./letter-layout";
import { letterDocument } from "./letter-layout";
import { LETTER_WORDS } from "./letter-words";
import { renderPdf } from "./pdf-document";
import type { PdfJob, PdfReply } from "./pdf-workers";

/** Inside a PDF thread: each job is a letter's content (its words by language), each reply its PDF. */
function reply(message: PdfReply, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

parentPort?.on("message", async (job: PdfJob) => {
  try {
    const content: LetterContent = { ...job.content, words: LETTER_WORDS[job.language] };
    const pdf = await renderPdf(letterDocument(content));
    // A copy of its own, so that the bytes move to the main thread instead of being copied again.
    const bytes = new Uint8Array(pdf.byteLength);
    bytes.set(pdf);
    reply({ id: job.id, pdf: bytes }, [bytes.buffer]);
  } catch (error) {
    reply({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
