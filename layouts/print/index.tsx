import React from "react";
import { Artifact } from "../../src/compose/components.tsx";
import { defineLayout, mm, paper, type PageSpec } from "../../src/compose/define-layout.ts";
import { handoutPageStyle, handoutParts } from "../shared/handout.tsx";
import { colours, paletteOf } from "../shared/tokens.ts";

// Print master: A4 trim; Pressroom adds 3 mm bleed, crop marks, CMYK and the
// output intent (profile "print"). The type area keeps well inside the 5 mm
// safe zone; the accent band at the head runs off the trim into the bleed.
const page: PageSpec = {
  size: paper.A4,
  margins: [mm(16), mm(16), mm(18), mm(16)],
  columns: { count: 2, gap: mm(7) },
  style: handoutPageStyle,
};

const handout = handoutParts(page, { bodySize: 10, leading: 1.3 });
const [top, , , left] = page.margins;

export default defineLayout({
  id: "print",
  description: "Print master (A4 trim, 3 mm bleed, crop marks, CMYK, FOGRA39 output intent): PDF/X-4 and PDF/UA-1 in one file.",
  page,
  profile: "print",
  colours,
  parts: {
    ...handout,
    Header: (props) => (
      <>
        <Artifact style={{ position: "absolute", top: -top, left: -left, width: page.size[0], height: mm(5), backgroundColor: paletteOf(props.prepared).accent.rgb }} />
        <handout.Header {...props} />
      </>
    ),
  },
});
