import { binaryString } from '../platform/binaryString';
import { ShareError } from './shareError';

/** RFC 4648 §5 base64url without padding: safe in a URL hash with no escaping. */
export function toBase64url(bytes: Uint8Array): string {
  return btoa(binaryString(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Inverse of {@link toBase64url}; rejects anything that isn't canonical unpadded base64url. */
export function fromBase64url(text: string): Uint8Array {
  const bad = /[^A-Za-z0-9_-]/.exec(text);
  if (bad) throw new ShareError(`The link is damaged: character ${JSON.stringify(bad[0])} at position ${bad.index} is not valid base64url.`);
  if (text.length % 4 === 1) throw new ShareError('The link is damaged: its base64url data has an impossible length (was it cut off?).');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
