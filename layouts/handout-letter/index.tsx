import { defineLayout, mm, paper, type PageSpec } from "../../src/compose/define-layout.ts";
import { handoutPageStyle, handoutParts } from "../shared/handout.tsx";
import { colours } from "../shared/tokens.ts";

// US Letter: the A4 design re-flowed for a wider, shorter sheet (not scaled).
const page: PageSpec = {
  size: paper.Letter,
  margins: [mm(14), mm(16), mm(18), mm(16)],
  columns: { count: 2, gap: mm(7) },
  style: handoutPageStyle,
};

export default defineLayout({
  id: "handout-letter",
  description: "US Letter handout for e-mail and office printers, two columns: tagged PDF/UA-1.",
  page,
  profile: "accessible",
  colours,
  parts: handoutParts(page, { bodySize: 10, leading: 1.3 }),
});
