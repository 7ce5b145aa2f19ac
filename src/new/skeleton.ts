/**
 * The text of a new release file: every front-matter key, each with a
 * comment saying what it is for (embargo commented out), then a lede, a
 * paragraph with a quotation, a pull quote and a Background section, in the
 * file's language where Pressroom has the words (see placeholders.ts and
 * layouts/shared/labels.ts). It must build with no error and no warning.
 */
import { labelsFor } from "../../layouts/shared/labels.ts";
import { yamlScalar } from "../authoring/yaml.ts";
import { placeholdersFor } from "./placeholders.ts";

export type SkeletonOptions = {
  /** Canonical language tag, also the file name. */
  lang: string;
  /** The release date, YYYY-MM-DD. */
  date: string;
};

export function skeleton({ lang, date }: SkeletonOptions): string {
  const { text } = placeholdersFor(lang);
  const background = labelsFor(lang).background;
  const lines = [
    "---",
    "# A new release: replace every value and text below, then run `pressroom build`.",
    "# The headline, printed as the only H1. Required.",
    `title: ${yamlScalar(text.title)}`,
    "# One sentence printed under the headline. Optional: delete the line to leave it out.",
    `standfirst: ${yamlScalar(text.standfirst)}`,
    "# Who sends the release. Required.",
    `organization: ${yamlScalar(text.organization)}`,
    "# The release date, YYYY-MM-DD. Required.",
    `date: ${date}`,
    "# Printed with the date as the dateline before the first paragraph. Optional.",
    `place: ${yamlScalar(text.place)}`,
    "# An embargo: date, time and time zone. Remove the `# ` to print an embargo line.",
    `# embargo: ${date}T06:00:00Z`,
    "# The language of this file; its name says it already. Optional.",
    `lang: ${lang}`,
    "# Who answers journalists' questions. Optional: delete the four lines to leave it out.",
    "contact:",
    `  name: ${yamlScalar(text.contactName)}`,
    "  email: press@example.org",
    '  phone: "+44 20 7946 0000"',
    "---",
    "",
    text.lede,
    "",
    text.body,
    "",
    "> [!PULLQUOTE]",
    `> ${text.quote}`,
    `> — ${text.attribution}`,
    "",
    `## ${background}`,
    "",
    text.background,
    "",
  ];
  return lines.join("\n");
}
