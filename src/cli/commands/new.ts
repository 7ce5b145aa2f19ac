/** `pressroom new <slug>`: a skeleton release to fill in, one file per language. */
import { report, splitList, type RegisterCommand } from "../shared.ts";

type NewFlags = { lang?: string[]; content: string };

export const registerNew: RegisterCommand = (program, exit) => {
  program
    .command("new")
    .description("write a skeleton release to fill in: content/<slug>/<lang>.md for each language; never overwrites")
    .argument("<slug>", "the release folder's name: lower-case letters, digits and hyphens, e.g. harbour-library")
    .option("--lang <tags>", "comma-separated language tags, one file each (default: en)", splitList)
    .option("--content <dir>", "the content folder", "content")
    .addHelpText("after", "\nThe date is today's, or SOURCE_DATE_EPOCH's when set. Exit code 1 when the release exists, 2 for a bad slug or tag.")
    .action(async (slug: string, opts: NewFlags) => {
      const { newRelease } = await import("../../new/new-release.ts");
      const result = await newRelease({ slug, contentDir: opts.content, ...(opts.lang ? { langs: opts.lang } : {}) });
      report(result.diagnostics);
      for (const file of result.written) console.log(`wrote ${file}`);
      if (result.englishFallback.length) {
        console.log(`placeholder text in English for ${result.englishFallback.join(", ")}: Pressroom has no placeholder text in ${result.englishFallback.length === 1 ? "that language" : "those languages"}`);
      }
      if (result.code === 0) console.log(`replace the placeholders, then run: pressroom build ${opts.content}`);
      exit.code = result.code;
    });
};
