/**
 * The contact sheet (`out/index.html`), the release previews
 * (`out/<slug>/index.html`) and the live-reload protocol that
 * `pressroom watch` serves them with.
 */
export { writeContactSheet, CONTACT_SHEET } from "./contact-sheet.ts";
export { writeReleasePreview } from "./preview.ts";
export { entriesFromBuild, sortEntries, type FailedEntry, type SheetEntry, type SheetOptions } from "./entries.ts";
export { errorEventData, liveReloadSnippet, overlayPayload, serverSentEvent, type OverlayDiagnostic, type OverlayPayload } from "./live-reload.ts";
export { editionName, languageName, pageAlt } from "./names.ts";
