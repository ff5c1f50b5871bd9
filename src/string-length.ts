/**
 * A string's length as JSON Schema counts it for minLength and maxLength: in Unicode
 * code points, a surrogate pair counting once. The validators compiled at build time
 * (scripts/validators.ts) import it from here instead of from ajv's runtime, which is
 * CommonJS and reached differently by Node and by the test runner.
 */

/** ajv's `ucs2length` (ajv/dist/runtime/ucs2length.js, MIT), as ajv compiles `minLength` to call it. */
export function ucs2length(text: string): number {
  let length = 0;
  let pos = 0;
  while (pos < text.length) {
    length++;
    const unit = text.charCodeAt(pos++);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && pos < text.length) {
      if ((text.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}
