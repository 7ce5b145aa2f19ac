/**
 * Releases in languages the sample content does not have (Polish, Greek,
 * Hebrew) build end to end into PDFs that pass the checks and read back
 * word for word; a release in a script no configured font covers
 * (Amharic, Ethiopic) produces no PDF and a precise error instead.
 * All four are built in one run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build/build.ts";
import { formatDate, labelsFor } from "../../layouts/shared/labels.ts";
import { formatDiagnostic } from "../../src/model/diagnostic.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { discoverSources } from "../../src/discover/discover.ts";
import { loadFontManifest } from "../../src/prepare/fonts.ts";
import { checkPdf } from "../../src/verify/check.ts";
import { readStructureTree, type StructNode } from "../../src/verify/readback.ts";
import { loadMupdf } from "../../src/verify/pdf.ts";
import { inlineText, type Release } from "../../src/model/release.ts";
import { readOutput, repoRoot, sourceWords, tempDir, treeText, wordsOf } from "../support/build.ts";

const SLUG = "night-ferry";
const LAYOUT = "handout-a4";

const RELEASES: Record<string, string> = {
  pl: `---
title: Nocny prom połączy wyspy z miastem przez cały rok
standfirst: Od 1 października statek „Latarnia” będzie kursował również po północy, także w weekendy i święta.
organization: Rada Miasta Portowego
date: 2026-09-14
place: Miasto Portowe
contact:
  name: Biuro Prasowe
  email: prasa@miastoportowe.example
  phone: "+48 22 123 45 67"
---

Rada Miasta Portowego ogłosiła dziś uruchomienie całorocznego nocnego połączenia promowego między miastem a czterema zewnętrznymi wyspami. Przedsięwzięcie, przygotowywane przez przedsiębiorstwo komunikacyjne we współpracy z mieszkańcami, ma zapewnić niezawodny transport pracownikom zmianowym, studentom i osobom z niepełnosprawnościami, które dotychczas musiały nocować w mieście.

„Wyspiarze zasługują na takie same możliwości przemieszczania się jak mieszkańcy śródmieścia” – powiedziała przewodnicząca komisji transportu, Agnieszka Wiśniewska. Szczegółowy rozkład jazdy jest dostępny na [stronie internetowej przewoźnika](https://miastoportowe.example/prom/rozklad).

## Informacje dodatkowe

Nocne kursy będą obsługiwane przez zmodernizowaną jednostkę z ogrzewaną poczekalnią, windą i miejscami dla rowerów. Koszt modernizacji wyniósł 3,4 mln zł, z czego większość pokryły środki z regionalnego programu rozwoju komunikacji przybrzeżnej.
`,
  el: `---
title: Το νυχτερινό πλοίο θα συνδέει τα νησιά με την πόλη όλο τον χρόνο
standfirst: Από την 1η Οκτωβρίου το πλοίο «Φανάρι» θα εκτελεί δρομολόγια και μετά τα μεσάνυχτα.
organization: Δημοτικό Συμβούλιο Λιμενούπολης
date: 2026-09-14
place: Λιμενούπολη
contact:
  name: Γραφείο Τύπου
  email: typos@limenoupoli.example
  phone: "+30 210 123 4567"
---

Το Δημοτικό Συμβούλιο ανακοίνωσε σήμερα τη δημιουργία μόνιμης νυχτερινής ακτοπλοϊκής σύνδεσης ανάμεσα στην πόλη και στα τέσσερα απομακρυσμένα νησιά. Η υπηρεσία απευθύνεται κυρίως σε εργαζόμενους με βάρδιες, σε φοιτητές και σε άτομα με αναπηρία, που μέχρι σήμερα αναγκάζονταν να διανυκτερεύουν στην πόλη.

«Οι κάτοικοι των νησιών δικαιούνται τις ίδιες δυνατότητες μετακίνησης με όσους ζουν στο κέντρο», δήλωσε η πρόεδρος της επιτροπής συγκοινωνιών, Ελένη Παπαδοπούλου. Το αναλυτικό πρόγραμμα δρομολογίων είναι διαθέσιμο στην [ιστοσελίδα του δήμου](https://limenoupoli.example/ploio/dromologia).

## Πρόσθετες πληροφορίες

Τα νυχτερινά δρομολόγια θα εκτελεί ανακαινισμένο σκάφος με θερμαινόμενη αίθουσα αναμονής, ανελκυστήρα και θέσεις για ποδήλατα. Το κόστος της ανακαίνισης ανήλθε σε 3,4 εκατομμύρια ευρώ.
`,
  he: `---
title: המעבורת הלילית תחבר את האיים לעיר כל השנה
standfirst: החל מ-1 באוקטובר תפליג הספינה "הפנס" גם אחרי חצות, כולל בסופי שבוע ובחגים.
organization: מועצת עיר הנמל
date: 2026-09-14
place: עיר הנמל
contact:
  name: לשכת הדוברות
  email: dover@irhanamal.example
  phone: "+972 3 123 4567"
---

מועצת עיר הנמל הודיעה היום על הפעלת קו מעבורת לילי קבוע בין העיר לבין ארבעת האיים המרוחקים. השירות נועד בעיקר לעובדי משמרות, לסטודנטים ולאנשים עם מוגבלויות, שעד היום נאלצו ללון בעיר. המעבורת תפליג שלוש פעמים בכל לילה ותיעצר בכל אחד מהאיים.

"תושבי האיים זכאים לאותן אפשרויות תנועה כמו תושבי מרכז העיר", אמרה יושבת ראש ועדת התחבורה, מרים כהן. לוח הזמנים המלא מפורסם ב[אתר המועצה](https://irhanamal.example/maboret).

## מידע נוסף

את ההפלגות הליליות תפעיל ספינה משופצת עם אולם המתנה מחומם, מעלית ומקומות לאופניים. עלות השיפוץ הסתכמה ב-3.4 מיליון שקלים, ורובה מומנה מתוכנית אזורית לפיתוח התחבורה הימית.
`,
  am: `---
title: የሌሊት ጀልባ ደሴቶቹን ከከተማው ጋር ያገናኛል
standfirst: ከጥቅምት 1 ጀምሮ ጀልባው ከእኩለ ሌሊት በኋላም ይጓዛል።
organization: የወደብ ከተማ ምክር ቤት
date: 2026-09-14
place: የወደብ ከተማ
---

የወደብ ከተማ ምክር ቤት ዛሬ በከተማውና በአራቱ ደሴቶች መካከል ቋሚ የሌሊት ጀልባ አገልግሎት መጀመሩን አስታወቀ።

ዝርዝር የጉዞ ሰሌዳው በ[ምክር ቤቱ ድረ ገጽ](https://wedeb.example/jelba) ላይ ይገኛል።

## ተጨማሪ መረጃ

አዲሱ ጀልባ የሚሞቅ የመጠበቂያ ክፍልና ለብስክሌቶች ቦታ አለው።
`,
};
const BUILT = ["pl", "el", "he"] as const;

let contentDir: string;
let outDir: string;
let result: BuildResult;
let releases: Map<string, Release>;
let buildMs: number;

const mdFile = (lang: string) => path.join(contentDir, SLUG, `${lang}.md`);
const pdfFile = (lang: string) => `${SLUG}/${lang}/${LAYOUT}.pdf`;

beforeAll(async () => {
  contentDir = tempDir("pressroom-languages-");
  outDir = tempDir("pressroom-languages-out-");
  mkdirSync(path.join(contentDir, SLUG));
  for (const [lang, text] of Object.entries(RELEASES)) writeFileSync(mdFile(lang), text);
  const t0 = performance.now();
  result = await build({ contentDir, outDir, layouts: [LAYOUT] });
  buildMs = performance.now() - t0;
  releases = new Map((await discoverSources(contentDir)).sources.map((s) => [s.lang, parseRelease(s).release!] as const));
});

describe("releases in Polish, Greek and Hebrew, and one in Ethiopic script, built in one run", () => {
  it("builds pl, el and he with no diagnostics, and only those", () => {
    const others = result.diagnostics.filter((d) => d.file !== mdFile("am"));
    expect(others.map((d) => formatDiagnostic(d)).join("\n")).toBe("");
    expect(result.outputs.map((o) => o.file).sort()).toEqual(BUILT.map(pdfFile).sort());
    expect(buildMs, "one run of four small releases").toBeLessThan(20_000);
  });

  it.each(BUILT)("%s passes the PDF/UA checks when read back", async (lang) => {
    const file = pdfFile(lang);
    expect(await checkPdf(readOutput(outDir, file), { file, profiles: ["ua"] })).toEqual([]);
  });

  it.each(BUILT)("%s reads back from the structure tree word for word", async (lang) => {
    const release = releases.get(lang)!;
    const tree = await readStructureTree(readOutput(outDir, pdfFile(lang)));
    expect(tree.lang).toBe(lang);
    const read = wordsOf(treeText(tree));
    // The place is printed only in the dateline, in capitals.
    const place = release.meta.place?.toLocaleUpperCase(release.lang);
    const expected = sourceWords({ ...release, meta: { ...release.meta, place } });
    const pool = new Map<string, number>();
    for (const w of read) pool.set(w, (pool.get(w) ?? 0) + 1);
    let found = 0;
    const missing: string[] = [];
    for (const w of expected) {
      const n = pool.get(w) ?? 0;
      if (n > 0) { found++; pool.set(w, n - 1); } else missing.push(w);
    }
    expect(found / expected.length, `missing: ${missing.join(" ")}`).toBeGreaterThanOrEqual(0.99);
    // No broken words: everything read back is a source word or one the layout prints.
    const labels = labelsFor(release.lang);
    const printed = [labels.pressRelease, labels.contact, formatDate(release.meta.date, release.lang), release.meta.place?.toLocaleUpperCase(release.lang) ?? ""];
    const vocabulary = new Set([...expected, ...wordsOf(printed.join(" "))]);
    expect(read.filter((w) => !vocabulary.has(w))).toEqual([]);
  });

  it("Hebrew reads in logical order: each paragraph's words in source order", async () => {
    const release = releases.get("he")!;
    const tree = await readStructureTree(readOutput(outDir, pdfFile("he")));
    const paragraphs = collect(tree, (n) => n.role === "P" || /^H\d$/.test(n.role)).map((n) => wordsOf(n.text).join(" "));
    const texts = [release.meta.title, release.meta.standfirst!];
    for (const b of release.blocks) if (b.kind === "paragraph" || b.kind === "heading") texts.push(inlineText(b.inlines));
    for (const text of texts) {
      const words = wordsOf(text).join(" ");
      // The paragraph is read as one element whose words are the source's, in order
      // (the first one may start with the dateline).
      expect(paragraphs.some((p) => p === words || p.endsWith(` ${words}`)), `not read in order: ${words}\nread: ${paragraphs.join("\n")}`).toBe(true);
    }
    // …and the raw text is logical: Hebrew letters in reading order, not reversed per line.
    const all = treeText(tree);
    expect(all).toContain("מועצת עיר הנמל הודיעה היום");
    expect(all).toContain("3.4 מיליון");
    expect(all).not.toContain("םויה");
  });

  it("Polish is hyphenated: some line of the page ends in an added hyphen, and the structure text keeps the word whole", async () => {
    const release = releases.get("pl")!;
    const source = new Set(sourceWords(release));
    const bytes = readOutput(outDir, pdfFile("pl"));
    const lines = await pageLines(bytes);
    // A line ending "<letters>-" followed by a line starting "<letters>", whose join is a source
    // word written without that hyphen.
    const breaks: string[] = [];
    lines.forEach((line, i) => {
      const head = /(\p{L}+)-$/u.exec(line);
      const tail = /^(\p{L}+)/u.exec(lines[i + 1] ?? "");
      if (head && tail && source.has(head[1]! + tail[1]!) && !RELEASES.pl!.includes(`${head[1]}-${tail[1]}`)) {
        breaks.push(`${head[1]}-|${tail[1]}`);
      }
    });
    expect(breaks.length, `lines:\n${lines.join("\n")}`).toBeGreaterThan(0);
    const read = treeText(await readStructureTree(bytes));
    for (const b of breaks) expect(read).toContain(b.replace("-|", ""));
  });

  it("Amharic produces no PDF but one error per uncovered character, pointing at it", async () => {
    const file = mdFile("am");
    expect(result.outputs.some((o) => o.lang === "am")).toBe(false);
    expect(existsSync(path.join(outDir, SLUG, "am"))).toBe(false);
    const errors = result.diagnostics.filter((d) => d.file === file);
    expect(errors.length).toBeGreaterThan(0);
    const source = readFileSync(file, "utf8").split("\n");
    const { manifest } = await loadFontManifest(path.join(repoRoot, "fonts"));
    const familyNames = manifest!.families.map((f) => f.name);
    const named = new Set<string>();
    for (const d of errors) {
      const text = formatDiagnostic(d);
      expect(d.severity, text).toBe("error");
      const m = /character "(.)" \((U\+[0-9A-F]{4,6})\)/u.exec(d.message);
      expect(m, text).not.toBeNull();
      const [, ch, label] = m!;
      expect(label, text).toBe(`U+${ch!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
      expect(ch!.codePointAt(0)! >= 0x1200 && ch!.codePointAt(0)! <= 0x139f, `${text}: an Ethiopic character`).toBe(true);
      // line and column (UTF-16 units, 1-based) point at that character in the .md file
      expect(d.line, text).toBeDefined();
      expect(d.column, text).toBeDefined();
      const at = source[d.line! - 1]!.slice(d.column! - 1);
      const derived = /in the printed date \("([^"]+)"\)/u.exec(d.message);
      if (derived) {
        // A month name the layout prints: the error points at the date field's value.
        expect(derived[1], text).toContain(ch);
        expect(at, text).toBe("2026-09-14");
      } else {
        expect(at.startsWith(ch!), `${text}\nline ${d.line}: ${source[d.line! - 1]}`).toBe(true);
      }
      // the hint lists the fonts tried
      for (const name of familyNames) expect(d.hint, text).toContain(name);
      expect(d.hint, text).toMatch(/^fonts tried: /);
      named.add(ch!);
    }
    // One error per character, and every distinct character of the text is named.
    expect(named.size).toBe(errors.length);
    const printed = releases.get("am")!;
    const distinct = new Set([...sourceWords(printed).join("")].filter((c) => /\p{Script=Ethiopic}/u.test(c)));
    for (const c of distinct) expect(named.has(c), `no error names "${c}"`).toBe(true);
    // The first error is the title's first character.
    const first = errors[0]!;
    expect([first.line, first.column]).toEqual([2, "title: ".length + 1]);
  });
});

function collect(node: StructNode, test: (n: StructNode) => boolean): StructNode[] {
  return test(node) ? [node] : node.children.flatMap((c) => collect(c, test));
}

/** The text lines of every page, top to bottom per block, as mupdf extracts them (added hyphens included). */
async function pageLines(bytes: Uint8Array): Promise<string[]> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(bytes, "application/pdf");
  const lines: string[] = [];
  try {
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      const text = page.toStructuredText("preserve-whitespace");
      const json = JSON.parse(text.asJSON()) as { blocks: { type: string; lines?: { text: string }[] }[] };
      for (const block of json.blocks) for (const line of block.lines ?? []) lines.push(line.text.trim());
      text.destroy();
      page.destroy();
    }
  } finally {
    doc.destroy();
  }
  return lines;
}
