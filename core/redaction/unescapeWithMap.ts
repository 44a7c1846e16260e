/**
 * Undoes the escapes a secret can come back wrapped in, keeping for every decoded character
 * the span of the original text it came from, so a match found in the decoded text can be
 * replaced in the original. One pass handles any mixture of:
 *
 * - JSON string escapes: `\/` (PHP's json_encode default), `\"`, `\\`, `\b\f\n\r\t`, and
 *   `\uXXXX` in either case (json_encode escapes every non-ASCII character that way);
 * - percent-encoding (URL and form encoding) in either case, UTF-8 sequences included;
 * - with `plusIsSpace`, form encoding's `+` for a space.
 *
 * Which of these apply is chosen per reading (a secret may itself hold `%00` and come back
 * JSON-escaped). A value escaped twice (JSON inside a JSON string) decodes in a second pass.
 */

export interface DecodedText {
  text: string;
  /** Original start (inclusive) and end (exclusive) of each decoded UTF-16 unit. */
  starts: Int32Array;
  ends: Int32Array;
}

const SHORT_ESCAPES: Record<string, string> = { '/': '/', '"': '"', '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', "'": "'" };

function hexValue(text: string, at: number, digits: number): number {
  let value = 0;
  for (let i = 0; i < digits; i++) {
    const code = text.charCodeAt(at + i);
    const digit = code >= 48 && code <= 57 ? code - 48 : code >= 65 && code <= 70 ? code - 55 : code >= 97 && code <= 102 ? code - 87 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** The bytes of a run of `%XX` escapes starting at `at`, or an empty list. */
function percentBytes(text: string, at: number): number[] {
  const bytes: number[] = [];
  for (let i = at; text.charCodeAt(i) === 37 /* % */; i += 3) {
    const byte = hexValue(text, i + 1, 2);
    if (byte < 0) break;
    bytes.push(byte);
  }
  return bytes;
}

/** Length of the UTF-8 sequence that `lead` starts (1 for ASCII, 0 for a byte that starts none). */
function utf8Length(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface Unescape {
  json?: boolean;
  percent?: boolean;
  plusIsSpace?: boolean;
}

export function hasEscapes(text: string, plusIsSpace: boolean): boolean {
  return text.includes('\\') || text.includes('%') || (plusIsSpace && text.includes('+'));
}

export function unescapeWithMap(text: string, { json = false, percent = false, plusIsSpace = false }: Unescape): DecodedText {
  // The decoded text is never longer than the original: the maps are allocated once.
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  const parts: string[] = [];
  let length = 0;
  let plainFrom = 0;
  const flushPlain = (upTo: number) => {
    if (upTo <= plainFrom) return;
    parts.push(text.slice(plainFrom, upTo));
    for (let k = plainFrom; k < upTo; k++, length++) {
      starts[length] = k;
      ends[length] = k + 1;
    }
  };
  const push = (chars: string, start: number, end: number) => {
    flushPlain(start);
    parts.push(chars);
    for (let k = 0; k < chars.length; k++, length++) {
      starts[length] = start;
      ends[length] = end;
    }
    plainFrom = end;
  };

  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code === 92 /* \ */ && json && i + 1 < text.length) {
      const next = text[i + 1] as string;
      if (next === 'u') {
        const unit = hexValue(text, i + 2, 4);
        if (unit >= 0) {
          push(String.fromCharCode(unit), i, i + 6);
          i += 6;
          continue;
        }
      } else if (Object.hasOwn(SHORT_ESCAPES, next)) {
        push(SHORT_ESCAPES[next] as string, i, i + 2);
        i += 2;
        continue;
      }
    } else if (code === 37 /* % */ && percent) {
      const bytes = percentBytes(text, i);
      const size = bytes.length > 0 ? utf8Length(bytes[0] as number) : 0;
      if (size > 0 && bytes.length >= size) {
        try {
          push(utf8.decode(new Uint8Array(bytes.slice(0, size))), i, i + 3 * size);
          i += 3 * size;
          continue;
        } catch {
          // Not UTF-8: the escape stays as written.
        }
      }
    } else if (code === 43 /* + */ && plusIsSpace) {
      push(' ', i, i + 1);
      i += 1;
      continue;
    }
    i += 1;
  }
  flushPlain(text.length);
  return { text: parts.join(''), starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

/** The text as it is (every unit its own span), for values that contain what looks like an escape. */
export function asWritten(text: string): DecodedText {
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text, starts, ends };
}

/** Decodes `decoded.text` once more, mapping spans through to the original text. */
export function unescapeAgain(decoded: DecodedText, how: Unescape): DecodedText {
  const again = unescapeWithMap(decoded.text, how);
  const starts = new Int32Array(again.text.length);
  const ends = new Int32Array(again.text.length);
  for (let i = 0; i < again.text.length; i++) {
    starts[i] = decoded.starts[again.starts[i] as number] as number;
    ends[i] = decoded.ends[(again.ends[i] as number) - 1] as number;
  }
  return { text: again.text, starts, ends };
}
