/**
 * The From of the press e-mail: the front matter's contact, by name (else
 * the organisation) and e-mail address.
 *
 * A release without a contact e-mail address still gets a message, from its
 * organisation at an address under `.invalid` (RFC 2606: never delivered).
 * A mail client shows it as a draft to send from one's own account;
 * `pressroom send` refuses it, since replies could reach no one.
 */
import type { ReleaseMeta } from "../model/release.ts";

export const PLACEHOLDER_DOMAIN = "pressroom.invalid";

export const isPlaceholder = (address: string): boolean => address.toLowerCase().endsWith(`@${PLACEHOLDER_DOMAIN}`);

export function senderOf(meta: ReleaseMeta): { name: string; address: string; placeholder: boolean } {
  const email = meta.contact?.email;
  return { name: meta.contact?.name ?? meta.organization, address: email ?? `press@${PLACEHOLDER_DOMAIN}`, placeholder: !email };
}
