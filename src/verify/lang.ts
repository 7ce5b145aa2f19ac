/** Natural-language checks: 11-001 (language determinable) and 11-x01 (well-formed tags). */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { describe, type SElem, type StructModel } from "./structure.ts";

const ALNUM = "[a-z0-9]";
const LANGTAG = new RegExp(
  "^(?:" +
    // language: a 2–3 letter ISO 639 code with up to three extlangs (4–8 letter
    // primary subtags are reserved or unused in the IANA registry)
    "[a-z]{2,3}(?:-[a-z]{3}){0,3}" +
    "(?:-[a-z]{4})?" + // script
    "(?:-(?:[a-z]{2}|[0-9]{3}))?" + // region
    `(?:-(?:${ALNUM}{5,8}|[0-9]${ALNUM}{3}))*` + // variants
    `(?:-[0-9a-wyz](?:-${ALNUM}{2,8})+)*` + // extensions
    `(?:-x(?:-${ALNUM}{1,8})+)?` + // private use
    `|x(?:-${ALNUM}{1,8})+` +
    "|en-gb-oed|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)|sgn-(?:be-fr|be-nl|ch-de)" +
    "|art-lojban|cel-gaulish|no-bok|no-nyn|zh-(?:guoyu|hakka|min|min-nan|xiang)" +
    ")$",
  "i",
);

/** Whether `tag` is a well-formed BCP 47 language tag (RFC 5646). */
export const isLanguageTag = (tag: string): boolean => LANGTAG.test(tag);

export type LangSource = { value: string; where: string };

export function checkLanguages(
  catalogLang: string | undefined,
  model: StructModel,
  contentLangs: readonly LangSource[],
  pageIndex: ReadonlyMap<number, number>,
  file: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = { file };
  const sources: LangSource[] = [];
  if (catalogLang !== undefined) sources.push({ value: catalogLang, where: "the document catalog" });
  for (const e of model.elems) if (e.lang !== undefined) sources.push({ value: e.lang, where: `structure element ${describe(e, pageIndex)}` });
  sources.push(...contentLangs);
  const reported = new Set<string>();
  for (const s of sources) {
    if (s.value === "" || isLanguageTag(s.value) || reported.has(`${s.value}|${s.where}`)) continue;
    reported.add(`${s.value}|${s.where}`);
    out.push(
      error(
        at,
        `/Lang (${s.value}) on ${s.where} is not a well-formed BCP 47 language tag.`,
        "Use a language tag such as en, en-GB or de-CH (RFC 5646: a 2–3 letter language code, optional script, region and variants).",
        "11-x01",
      ),
    );
  }

  const catalogOk = catalogLang !== undefined && isLanguageTag(catalogLang);
  if (catalogOk) return out;
  const hasLang = (e: SElem | undefined): boolean => {
    for (let p = e; p; p = p.parent) if (p.lang !== undefined && p.lang !== "" && isLanguageTag(p.lang)) return true;
    return false;
  };
  const withContent = model.elems.filter((e) => e.kids.some((k) => k.kind === "mcid"));
  const missing = withContent.filter((e) => !hasLang(e));
  const catalogState = catalogLang === undefined || catalogLang === "" ? "has no /Lang" : `has an invalid /Lang (${catalogLang})`;
  if (withContent.length === 0 || missing.length > 0) {
    const detail =
      missing.length > 0
        ? ` and ${missing.length} structure element(s) with content have no valid /Lang of their own or inherited (first: ${describe(missing[0]!, pageIndex)})`
        : "";
    out.push(
      error(
        at,
        `The natural language of the text cannot be determined: the catalog ${catalogState}${detail}.`,
        "Set /Lang on the document catalog (e.g. /Lang (en-GB)), and on elements whose language differs.",
        "11-001",
      ),
    );
  }
  return out;
}
