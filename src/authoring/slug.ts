/**
 * A slug made from a headline: the first six words, in ASCII (Latin accents
 * dropped, Cyrillic and Greek transliterated), lower case, joined by
 * hyphens, at most 60 characters, without a short English word such as
 * "a" or "in" left dangling at the end. Other scripts give no slug: the caller
 * falls back to the file name, then to "release".
 */

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "h", ґ: "g", д: "d", е: "e", є: "ie", ж: "zh", з: "z", и: "y", і: "i", ї: "i", й: "i",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch",
  ш: "sh", щ: "shch", ь: "", ю: "iu", я: "ia", ё: "e", ы: "y", э: "e", ъ: "", ў: "u", ђ: "dj", ј: "j", љ: "lj", њ: "nj", ћ: "c", џ: "dz",
};
const GREEK: Record<string, string> = {
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m", ν: "n", ξ: "x", ο: "o",
  π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o",
};

export function slugify(text: string, maxWords = 6): string {
  const ascii = text
    .toLowerCase()
    .normalize("NFC")
    // Transliterated before accents are dropped: "й" must not become "и".
    .replace(/./gu, (c) => CYRILLIC[c] ?? c)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/./gu, (c) => GREEK[c] ?? c)
    .replace(/ß/g, "ss")
    .replace(/[æ]/g, "ae")
    .replace(/[ø]/g, "o")
    .replace(/[ł]/g, "l")
    .replace(/['’]/g, "");
  const words = ascii.split(/[^a-z0-9]+/).filter(Boolean).slice(0, maxWords);
  let slug = "";
  for (const w of words) {
    const longer = slug ? `${slug}-${w}` : w;
    if (longer.length > 60) break;
    slug = longer;
  }
  return slug.replace(/(?:-(?:a|an|the|in|on|at|of|to|for|and|or|with|by|from))+$/, "");
}
