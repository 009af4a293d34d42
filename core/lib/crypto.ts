/** Hashing helpers on Web Crypto only, so they run the same on Node, Deno and Workers. */

export async function sha256Hex(input: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(input));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Constant-time comparison of two strings of equal length, for secrets. */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Reversible encryption for secrets the product must show or use again (AES-256-GCM). */
export interface SecretBox {
  seal(plaintext: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

/** Derives the AES key from a secret of at least 32 characters (KABINET_SECRET). */
export async function createSecretBox(secret: string): Promise<SecretBox> {
  if (secret.length < 32) throw new Error('The encryption secret must be at least 32 characters');
  const material = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`kabinet-secret-box:${secret}`));
  const key = await crypto.subtle.importKey('raw', material, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return {
    async seal(plaintext) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const cipher = new Uint8Array(
        await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext)),
      );
      return `v1.${toBase64(iv)}.${toBase64(cipher)}`;
    },
    async open(sealed) {
      const [version, iv, cipher] = sealed.split('.');
      if (version !== 'v1' || !iv || !cipher) throw new Error('Unknown sealed secret format');
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, key, fromBase64(cipher));
      return new TextDecoder().decode(plain);
    },
  };
}
