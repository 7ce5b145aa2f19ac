/** What a defect variant is: a base, one edit, and the checkpoint codes the result must fail. */
import type { BaseName } from "./bases.ts";
import type { Doc } from "./pdf.ts";

export type Variant = {
  /** File name without `.pdf`. */
  name: string;
  base: BaseName;
  /** Checkpoint codes the file must fail, exactly; empty for a control, which must pass. */
  expect: readonly string[];
  /** The defect, or for a control what differs from its base and must still pass. */
  about: string;
  /** The edit on the parsed base; omitted when only `finish` changes the file. */
  edit?: (doc: Doc) => void;
  /** A byte-level step after saving, for what the object model cannot express (encryption, the header). */
  finish?: (pdf: Uint8Array) => Uint8Array;
};
