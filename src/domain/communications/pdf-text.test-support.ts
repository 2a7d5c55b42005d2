import { inflateSync } from "node:zlib";

/** WinAnsi codes 0x80–0x9F and their Unicode characters (the rest of the code page is Latin-1). */
const WIN_ANSI: Record<number, string> = {
  128: "€",
  130: "‚",
  131: "ƒ",
  132: "„",
  133: "…",
  134: "†",
  135: "‡",
  136: "ˆ",
  137: "‰",
  138: "Š",
  139: "‹",
  140: "Œ",
  142: "Ž",
  145: "‘",
  146: "’",
  147: "“",
  148: "”",
  149: "•",
  150: "–",
  151: "—",
  152: "˜",
  153: "™",
  154: "š",
  155: "›",
  156: "œ",
  158: "ž",
  159: "Ÿ",
};

function decodeHex(hex: string): string {
  let out = "";
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    out += WIN_ANSI[code] ?? String.fromCharCode(code);
  }
  return out;
}

/**
 * The text of a PDF written with the standard fonts, one string per line of text, in drawing order
 * (tests only). No-break spaces become spaces, so that assertions read naturally.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, "latin1")).toString("latin1");
    } catch {
      content = match[1]!;
    }
    let lastY: string | null = null;
    let line = "";
    for (const op of content.matchAll(
      /1 0 0 1 [\d.-]+ ([\d.-]+) Tm|\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)*)\] TJ/g,
    )) {
      if (op[1] !== undefined) {
        if (lastY !== null && op[1] !== lastY && line !== "") {
          lines.push(line);
          line = "";
        } else if (line !== "" && !/\s$/.test(line)) {
          line += " ";
        }
        lastY = op[1];
        continue;
      }
      for (const part of op[2]!.matchAll(/<([0-9a-f]*)>/g)) line += decodeHex(part[1]!);
    }
    if (line !== "") lines.push(line);
  }
  return lines
    .map((l) =>
      l
        .replace(/\u00a0/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((l) => l !== "");
}

/** The whole text of a PDF as one string (lines joined by "\n"). */
export function pdfText(pdf: Buffer): string {
  return pdfTextLines(pdf).join("\n");
}
