/** data: URLs, the form images travel in between the page, the background and the models. */

/** The bytes of a data: URL (base64 or percent-encoded). */
export function dataUrlBytes(url: string): Uint8Array {
  const m = /^data:[^,]*?(;base64)?,/.exec(url);
  if (!m) throw new Error('not a data: URL');
  const body = url.slice(m[0].length);
  if (!m[1]) return new TextEncoder().encode(decodeURIComponent(body));
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The media type a data: URL declares ("image/png"), or "" when it declares none. */
export function dataUrlType(url: string): string {
  return /^data:([^;,]*)/.exec(url)?.[1] ?? '';
}
