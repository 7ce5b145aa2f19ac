import React from "react";
import { defineLayout, mm, paper } from "../../src/compose/define-layout.ts";
import { Handout } from "../shared/handout.tsx";

export default defineLayout({
  id: "handout-a4",
  description: "A4 handout for e-mail and office printers: tagged PDF/UA-1.",
  page: { size: paper.A4, margins: [mm(18), mm(20), mm(22), mm(20)] },
  profile: "accessible",
  Component: ({ prepared, page }) => <Handout prepared={prepared} page={page} o={{ bodySize: 10.5, leading: 1.4 }} />,
});
