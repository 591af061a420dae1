// Text a client sent, made safe to print in the server's log. Printed as it came, a newline in it would start a
// line of its own ("Server running at http://evil.example"), terminal escapes would recolour the operator's
// terminal or rewrite its title, bidirectional controls would show the text in another order than it was sent,
// and every 60 KB hello would be a 60 KB line. Every log line that holds client text passes it through here.

/** How many characters of one client text a log line shows, escapes included; the rest is counted, not shown. */
export const LOG_TEXT_MAX_LENGTH = 200;

// Control characters (C0, DEL, C1), the line and paragraph separators U+2028/U+2029, lone surrogates, the
// bidirectional marks and overrides, and the backslash itself, so that a "\n" in the log is always an escape.
const UNSAFE = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\\]/u;
const NAMED: Partial<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\\': '\\\\',
};

function escape(char: string): string {
  if (!UNSAFE.test(char)) return char;
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).padStart(code <= 0xff ? 2 : 4, '0');
  return NAMED[char] ?? (code <= 0xff ? `\\x${hex}` : `\\u${hex}`);
}

/**
 * The text with its unsafe characters written as escapes (`\n`, `\x1b`, `\u2028`), cut after `maxLength`
 * characters, with the number of characters left out: `xxx…(+59800 chars)`.
 */
export function logText(text: string, maxLength = LOG_TEXT_MAX_LENGTH): string {
  let shown = '';
  let consumed = 0;
  // By code point, so a cut never splits an emoji; it stops at the cut, so a long text costs no more than a short one.
  for (const char of text) {
    const piece = escape(char);
    if (shown.length + piece.length > maxLength) break;
    shown += piece;
    consumed += char.length;
  }
  const left = text.length - consumed;
  return left === 0 ? shown : `${shown}…(+${left} chars)`;
}
