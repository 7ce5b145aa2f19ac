/**
 * Colours. Layouts style with CSS colours (RGB); print masters must be
 * DeviceCMYK only, so each colour a print layout uses is looked up in the
 * layout's colour tokens, which give the designer's CMYK value for it.
 */
export type Cmyk = [number, number, number, number];
export type ColourToken = { rgb: string; cmyk: readonly [number, number, number, number] };

const named: Record<string, string> = { black: "#000000", white: "#ffffff" };

/** `#abc`, `#aabbcc`, `black`, `white` → `#aabbcc`; anything else unchanged, lower-cased. */
export function normaliseCss(css: string): string {
  const c = named[css.trim().toLowerCase()] ?? css.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : c;
}

/** A lookup from CSS colour to CMYK built from tokens; black and white need no token. */
export function cmykTable(tokens: Readonly<Record<string, ColourToken>>): (css: string) => Cmyk | undefined {
  const table = new Map<string, Cmyk>([["#000000", [0, 0, 0, 100]], ["#ffffff", [0, 0, 0, 0]]]);
  for (const t of Object.values(tokens)) table.set(normaliseCss(t.rgb), [...t.cmyk] as Cmyk);
  return (css) => table.get(normaliseCss(css));
}
