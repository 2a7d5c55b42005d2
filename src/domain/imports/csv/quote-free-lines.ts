export type RecordDelimiter = "\n" | "\r\n" | "\r";
export type SplitLine = { line: number; fields: string[] };
export type SplitResult = {
  lines: SplitLine[];
  /** Set when a line needs the full CSV parser: the text from that line on, unread. */
  rest: string | null;
};

/**
 * Splits lines that have no quote with a plain `split`, about ten times faster than a CSV parser,
 * and exactly as csv-parse would (relaxed quotes and column counts, empty lines skipped, line
 * numbers counted on every line end). The record delimiter is the first line end of the file, as
 * csv-parse discovers it. At the first line with a quote, or a line end of another kind inside a
 * line, it stops and hands the rest of the text back to the full parser.
 */
export class QuoteFreeLines {
  /** Physical lines read so far, empty ones included. */
  lines = 0;
  delimiter: RecordDelimiter | null = null;
  private pending = "";

  constructor(private readonly separator: string) {}

  push(text: string, isLast: boolean): SplitResult {
    const buffer = this.pending + text;
    this.pending = "";
    const out: SplitLine[] = [];
    const delimiter = this.delimiter ?? this.discover(buffer, isLast);
    if (delimiter === null && !isLast) {
      this.pending = buffer;
      return { lines: out, rest: null };
    }
    // Cheap whole-buffer test: most chunks of most files have no quote and one kind of line end.
    const clean = delimiter !== null && isClean(buffer, delimiter);
    let start = 0;
    if (delimiter !== null) {
      for (let end = buffer.indexOf(delimiter); end >= 0; end = buffer.indexOf(delimiter, start)) {
        const text = buffer.slice(start, end);
        if (!clean && !isQuoteFree(text)) return { lines: out, rest: buffer.slice(start) };
        this.take(text, out);
        start = end + delimiter.length;
      }
    }
    const tail = buffer.slice(start);
    if (!isLast) this.pending = tail;
    else if (tail.length > 0) {
      if (!isQuoteFree(tail)) return { lines: out, rest: tail };
      this.take(tail, out);
    }
    return { lines: out, rest: null };
  }

  private take(text: string, out: SplitLine[]): void {
    this.lines++;
    if (text.length > 0) out.push({ line: this.lines, fields: text.split(this.separator) });
  }

  /** The first line end decides, as csv-parse's auto-discovery ("\r\n" before "\r"). */
  private discover(buffer: string, isLast: boolean): RecordDelimiter | null {
    const lf = buffer.indexOf("\n");
    const cr = buffer.indexOf("\r");
    if (cr < 0 && lf < 0) return null;
    if (lf >= 0 && (cr < 0 || lf < cr)) this.delimiter = "\n";
    else if (cr + 1 < buffer.length) this.delimiter = buffer[cr + 1] === "\n" ? "\r\n" : "\r";
    else if (isLast) this.delimiter = "\r";
    return this.delimiter;
  }
}

function isQuoteFree(text: string): boolean {
  return text.indexOf('"') < 0 && text.indexOf("\r") < 0 && text.indexOf("\n") < 0;
}

function isClean(buffer: string, delimiter: RecordDelimiter): boolean {
  if (buffer.indexOf('"') >= 0) return false;
  if (delimiter === "\n") return buffer.indexOf("\r") < 0;
  if (delimiter === "\r") return buffer.indexOf("\n") < 0;
  return false;
}
