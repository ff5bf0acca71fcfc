/** The header the front door writes with the client's address; whatever the client sent is replaced. */
export const CLIENT_ADDRESS_HEADER = "x-client-address";

/** The client's address as the front door wrote it ("unknown" where no front door ran, as in tests). */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}
