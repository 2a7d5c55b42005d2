import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { LanguageCode } from "../../shared/schemas";
import { type LetterContent, letterDocument } from "./letter-layout";
import { LETTER_WORDS } from "./letter-words";
import { renderPdf } from "./pdf-document";

/** A letter to lay out: its content without the words (functions do not cross threads), and its language. */
export type PdfJob = { id: number; language: LanguageCode; content: Omit<LetterContent, "words"> };
export type PdfReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

type Pending = { resolve(pdf: Buffer): void; reject(error: Error): void };

/** The thread itself failed (could not start, or died): the letter can still be laid out here. */
class PdfThreadError extends Error {
  override name = "PdfThreadError";
}
type Thread = { worker: Worker; pending: Map<number, Pending> };

/** At most this many PDF threads, whatever the machine. */
const MOST_THREADS = 4;
/** After this many threads failed, letters are laid out in the calling thread for good. */
const MOST_FAILURES = 3;

/**
 * Laying out a letter costs a few milliseconds of CPU, which is most of a letter's cost: with
 * thousands to write, the outbox worker lays them out on worker threads, one per CPU, while the main
 * thread loads data and records what was sent. Threads start at first use, are unreferenced when idle
 * (they never keep the process alive) and are replaced if one dies (its letters are then laid out
 * here). On one CPU, no thread: the letter is laid out in the calling thread.
 */
class PdfThreads {
  private threads: Thread[] = [];
  private nextId = 1;
  private failures = 0;

  constructor(private size: number) {}

  get isEnabled(): boolean {
    return this.size > 0;
  }

  render(language: LanguageCode, content: LetterContent): Promise<Buffer> {
    const thread = this.leastBusy();
    const id = this.nextId++;
    const { words: _words, ...portable } = content;
    const job: PdfJob = { id, language, content: portable };
    return new Promise<Buffer>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      if (thread.pending.size === 1) thread.worker.ref();
      thread.worker.postMessage(job);
    });
  }

  private leastBusy(): Thread {
    if (this.threads.length < this.size) {
      const thread = this.start();
      this.threads.push(thread);
      return thread;
    }
    return this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  private start(): Thread {
    const worker = new Worker(new URL("./pdf-worker.js", import.meta.url));
    const thread: Thread = { worker, pending: new Map() };
    worker.unref();
    worker.on("message", (reply: PdfReply) => {
      const waiting = thread.pending.get(reply.id);
      if (!waiting) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if ("error" in reply) waiting.reject(new Error(`PDF layout failed: ${reply.error}`));
      else waiting.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    });
    const fail = (error: Error) => {
      if (this.threads.includes(thread)) {
        this.threads = this.threads.filter((t) => t !== thread);
        // Threads that keep failing (e.g. cannot start here): lay every letter out in this thread.
        this.failures += 1;
        if (this.failures >= MOST_FAILURES) this.size = 0;
      }
      for (const waiting of thread.pending.values()) waiting.reject(error);
      thread.pending.clear();
    };
    worker.on("error", (error) => fail(new PdfThreadError(`PDF thread failed: ${error.message}`)));
    worker.on("exit", (code) => fail(new PdfThreadError(`PDF thread stopped (exit code ${code})`)));
    return thread;
  }
}

const threads = new PdfThreads(
  availableParallelism() >= 2 ? Math.min(MOST_THREADS, availableParallelism()) : 0,
);

/**
 * A letter's PDF laid out on a PDF thread when the machine has more than one CPU, else here; the
 * same layout and the same PDF either way.
 */
export async function renderLetterPdf(language: LanguageCode, content: LetterContent): Promise<Buffer> {
  const here = () => renderPdf(letterDocument({ ...content, words: LETTER_WORDS[language] }));
  if (!threads.isEnabled) return here();
  try {
    return await threads.render(language, content);
  } catch (error) {
    if (error instanceof PdfThreadError) return here();
    throw error;
  }
}
