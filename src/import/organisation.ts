/**
 * The organisation, when the release has no "About …" section: press
 * releases name their sender again and again ("Amnesty International calls
 * for…", "…said Amnesty International’s Secretary General"). The guess is
 * the name of two to five capitalised words that recurs most often, at
 * least three times, preferring names with a word that organisations use
 * (Council, Trust, International…). The author is asked to check it.
 */
const ORGANISATION_WORDS = /^(International|Council|Trust|Foundation|Association|Agency|Ministry|Department|University|Society|Union|Network|Partnership|Alliance|Fund|Institute|Company|Group|Committee|Commission|Authority|Service|Services|Coalition|Federation|Organisation|Organization|Bank|Office|Centre|Center|Hospital|Museum|Library|Ltd|Inc|GmbH|AG|plc|eG|e\.V\.)$/u;
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
/** Small words inside a name ("Council of Europe", "Friends of the Earth"). */
const JOINERS = new Set(["of", "for", "and", "the", "de", "du", "des", "la", "le", "für", "und", "der", "di", "del"]);

/** Candidate names in `text`: runs of capitalised words (joiners allowed inside), with their counts. */
function names(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const tokens = text.split(/\s+/u);
  for (let i = 0; i < tokens.length; i++) {
    const run: string[] = [];
    for (let j = i; j < tokens.length && run.length < 8; j++) {
      const raw = tokens[j]!;
      const word = raw.replace(/^[“"«(]+/u, "").replace(/[,.;:!?”"»)]+$/u, "").replace(/[’']s$/u, "");
      const joiner = run.length > 0 && JOINERS.has(word);
      if (!joiner && !CAPITALISED.test(word)) break;
      run.push(word);
      const first = run[0]!;
      // A name starts with a capitalised word other than an article, and ends with one.
      if (!joiner && run.length >= 2 && !JOINERS.has(first.toLowerCase())) counts.set(run.join(" "), (counts.get(run.join(" ")) ?? 0) + 1);
      if (raw !== word && /[,.;:!?”"»)]$/u.test(raw)) break;
    }
  }
  return counts;
}

/** The recurring organisation name in the release's text, if one stands out. */
export function guessOrganisation(texts: readonly string[]): { name: string; count: number } | undefined {
  const counts = names(texts.join("\n"));
  let best: { name: string; count: number; score: number } | undefined;
  for (const [name, count] of counts) {
    if (count < 3) continue;
    const organisational = name.split(" ").some((w) => ORGANISATION_WORDS.test(w));
    const score = count * (organisational ? 3 : 1) + name.split(" ").length * 0.1;
    if (!best || score > best.score) best = { name, count, score };
  }
  return best && { name: best.name, count: best.count };
}
