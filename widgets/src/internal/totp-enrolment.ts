/**
 * Showing a TOTP enrolment, shared by the partner's `<kb-security>` and the console's
 * `<kb-operator-sign-in>`: the server's QR code as an image, the key in groups to type by hand.
 */

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type into an app by hand. */
export function groupsOfFour(secret: string): string {
  return (
    secret
      .replace(/\s+/g, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? secret
  );
}

/**
 * The server's QR SVG as an image URL. An <img> never runs scripts or touches the page, so the
 * server's markup is displayed without being injected into the shadow DOM.
 */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
