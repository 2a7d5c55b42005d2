/** Windows-1252 0x80–0x9F (WHATWG table); the five undefined bytes keep their C1 code. */
const CP1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * Node 20.18.3+ and 22.13+ decode "windows-1252" as ISO-8859-1 (nodejs/node#56542): 0x80 comes out
 * as U+0080 instead of "€", 0x92 as U+0092 instead of "’". This puts the Windows-1252 characters back.
 */
export function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}
