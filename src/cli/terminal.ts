/**
 * Text for a terminal. A workbook is written by anyone: a member's name, a sheet name or a cell quoted
 * in a message can hold ESC (which starts a terminal control sequence: colours, cursor moves, a window
 * title, on some terminals a clipboard write), BEL, a carriage return that hides what came before it,
 * or a bidi override that shows text in another order than it is. Such characters are shown escaped
 * (`\x1b`, `\u202e`) in everything the human output prints; JSON escapes its own.
 */

/** C0 controls but the newline, DEL and C1 controls, and the bidi embeddings, overrides and isolates. */
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

function escaped(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every character that could act on the terminal replaced by its escape; newlines kept. */
export function safeForTerminal(text: string): string {
  return text.replace(UNSAFE, escaped);
}
