/**
 * Text in which every UTF-16 unit is one column: printable ASCII, Latin-1 (bar the soft hyphen),
 * Latin Extended, General Punctuation (bar the invisible and bidi controls), box drawing and the
 * marks the reader draws (● ★ ✗). Headlines are almost always this, and measuring them per
 * grapheme is what made painting a screen of them slow. The build also gives it to string-width
 * (so Ink measures our rows the same quick way); a test holds it to string-width's answers.
 */
export const narrowText = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2500-\u25FC\u2605\u2606\u2713\u2717]*$/;
