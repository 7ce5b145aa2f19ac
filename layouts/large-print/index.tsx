import { defineLayout, mm, paper, type PageSpec } from "../../src/compose/define-layout.ts";
import { handoutPageStyle, handoutParts } from "../shared/handout.tsx";
import { colours } from "../shared/tokens.ts";

// Clear print (UKAAF / RNIB guidance): 16 pt sans serif or larger, left-aligned
// without hyphenation, generous line spacing, one column, no text over
// images, strong contrast, no decorative repetition of the text.
const page: PageSpec = {
  size: paper.A4,
  margins: [mm(18), mm(20), mm(22), mm(20)],
  columns: { count: 1, gap: 0 },
  headerGap: 18,
  style: handoutPageStyle,
};

export default defineLayout({
  id: "large-print",
  description: "Large print (A4, 16 pt sans serif, left-aligned, no hyphenation): tagged PDF/UA-1.",
  page,
  profile: "accessible",
  colours,
  parts: handoutParts(page, { bodySize: 16, leading: 1.5, justify: false, bodyFont: "ui", pullQuote: "plain", headlineScale: 1.6 }),
});
