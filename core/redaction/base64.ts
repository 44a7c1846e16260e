/** UTF-8 safe base64 without Node's Buffer (core/ runs in the renderer too). */
export function base64Encode(text: string): string {
  return base64EncodeBytes(new TextEncoder().encode(text));
}

export function base64EncodeBytes(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** base64 → base64url (RFC 4648 §5): `-` and `_` for `+` and `/`, no padding. */
export function toBase64Url(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlEncode(text: string): string {
  return toBase64Url(base64Encode(text));
}
