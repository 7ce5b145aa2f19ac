/**
 * The one function of react-dom/server that the e-mail uses. react-dom ships
 * no types and @types/react-dom is not a dependency; this is its signature
 * (react-dom 19).
 */
declare module "react-dom/server" {
  import type { ReactNode } from "react";
  /** Renders an element to HTML without React's hydration markers. */
  export function renderToStaticMarkup(element: ReactNode): string;
}
