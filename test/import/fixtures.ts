/**
 * Import fixtures, written for these tests (fictional organisations, people
 * and places; addresses on the reserved .example domain): Word documents
 * built in memory with test/support/docx.ts, and texts in the shape people
 * paste from e-mail.
 */
import sharp from "sharp";
import type { Para, Table } from "../support/docx.ts";

/** A small PNG: a blue rectangle. */
export const png = (): Promise<Buffer> => sharp({ create: { width: 60, height: 40, channels: 3, background: "#336699" } }).png().toBuffer();

/** Everything the Word importer recognises, in one document. */
export function fullRelease(image: Uint8Array): (Para | Table)[] {
  return [
    { runs: ["FOR IMMEDIATE RELEASE"] },
    { style: "Title", runs: ["Millbrook opens a repair café in the old fire station"] },
    { style: "Subtitle", runs: ["Volunteers will mend toasters, bicycles and torn coats for free every Saturday from 4 April."] },
    {
      runs: [
        "MILLBROOK, 3 March 2026 – The Millbrook Community Trust today opened a repair café in the town’s old fire station, where volunteers will fix household items for free. ",
        { text: "Anyone can bring", b: true },
        " a broken lamp, a wobbly chair or a jacket with a ",
        { text: "stubborn", i: true },
        " zip.",
      ],
    },
    {
      runs: [
        "The café has three benches, a sewing corner and a bicycle stand. Tools were donated by ",
        { link: "https://millbrook.example/tools", runs: ["the hardware shop on Mill Lane"] },
        " and by residents who answered an appeal in January.",
      ],
    },
    { runs: ["“Every repair keeps something out of the skip and teaches someone a new skill,” said Hannah Okoro, who chairs the trust. “Last month alone we saved 140 kilograms of electrical goods.”"] },
    { runs: [{ text: "“Every repair keeps something out of the skip and teaches someone a new skill.”", i: true }] },
    { runs: [{ text: "Hannah Okoro, chair of the trust", i: true }] },
    { runs: [{ image, alt: "Two volunteers at a workbench repair a table lamp." }] },
    { runs: ["#RepairMillbrook is the café’s tag; items marked * need a booking [see the list] and the fee is < £5 | or nothing at all_for members."] },
    { runs: ["1. Bring the item clean and, for electrical goods, with its plug."] },
    { runs: [{ text: "Background", b: true }] },
    {
      runs: [
        "Repair cafés began in the Netherlands in 2009 and there are now thousands, according to the ",
        { link: "https://openrepair.example/map", runs: ["Open Repair Network"] },
        ". Millbrook’s is the first in the county.",
      ],
    },
    { list: "bullet", runs: ["Saturdays, 10:00–14:00: electrical goods and furniture"] },
    { list: "bullet", runs: ["First Wednesday of the month, 18:00–20:00: clothing and textiles"] },
    { table: [[["Bicycles"], ["Every Saturday"]], [["Sewing"], ["First Wednesday"]]] },
    { runs: [{ text: "About Millbrook Community Trust", b: true }] },
    { runs: ["The Millbrook Community Trust is a charity founded in 2012. It runs the town’s food bank, tool library and community garden."] },
    { runs: ["ENDS"] },
    { runs: ["Media contact: Sam Reyes, communications officer, press@millbrooktrust.example, +44 1632 960 555"] },
  ];
}

/** No Title style (a heading instead), a dateline without a place, a Quote-styled pull quote, no organisation. */
export const headingRelease: (Para | Table)[] = [
  { style: "Heading1", runs: ["Riverside library extends its opening hours"] },
  { runs: ["3 March 2026 — Riverside Library will stay open until 21:00 on weekdays from April, after a survey of 1,200 residents asked for later hours."] },
  { runs: ["Evening opening is paid for by moving two mobile library routes to a shared van."] },
  { style: "Quote", runs: ["“Evenings are when working parents can actually get here.”"] },
  { style: "Quote", runs: ["— Tomasz Wiśniewski, deputy librarian"] },
  { style: "Heading2", runs: ["Background"] },
  { runs: ["The library was built in 1968 and lends about 90,000 books a year."] },
];

/** The shape people paste: headline, standfirst, quote, italic pull quote and name on one line, bold Background. */
export const pastedText = `Harbour ferry gets a new electric engine

The ferry between Eastquay and Gull Island will run on batteries from June.

"The quieter engine means we can finally hear the seals again," said Mara Lindqvist, the ferry operator's chief engineer.

*"The quieter engine means we can finally hear the seals again."*  *Mara Lindqvist, Chief Engineer at Eastquay Ferries*

The conversion took eight weeks at the Eastquay boatyard. Charging points on both quays are fed by a solar roof over the ticket office.

**Background**

The ferry carried 96,000 passengers last year. More about the route is on the [operator's website](https://eastquay-ferries.example/routes).
`;

/** Ukrainian text: Cyrillic, so --lang is required. */
export const ukrainianText = `Бібліотека на воді відкриває новий сезон

Човен-бібліотека з чотирма тисячами книжок знову курсуватиме між островами.

«Діти чекали на нас усю зиму», — сказала бібліотекарка Оксана Гриценко.

**Довідка**

Човен-бібліотеку переобладнали з пасажирського порома у 2024 році.
`;
