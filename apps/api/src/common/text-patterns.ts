// Character classes written so that every regex dialect an OpenAPI tool uses
// (ECMA-262 without the u flag, Python re, Go RE2) reads them the same as the server:
// Unicode property escapes such as \p{L} are valid only in some of them.

/** Latin letters as Vietnamese writes them, precomposed (NFC): A–Z, Latin-1, Latin Extended-A/B and Additional (ạ, ế, ữ…). */
export const LETTER = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF';
export const DIGIT = '0-9';
