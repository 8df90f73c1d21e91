/**
 * The hashes Lanyard computes, for file names (the AWS CLI's token and credential caches, its own role
 * cache and config index) and fingerprints, never for secrecy. @noble/hashes rather than node:crypto:
 * the CLI needs a file name on every run, and loading node:crypto (about twenty of Node's internal
 * modules) was a few milliseconds of every start-up. Sign-in still gets its randomness from the OS.
 */
import { sha1 } from '@noble/hashes/legacy';
import { sha256 as sha256Digest } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

const utf8 = new TextEncoder();

/** SHA-1 of the UTF-8 text, lowercase hex, as Python's `hashlib.sha1(text.encode()).hexdigest()`. */
export const sha1Hex = (text: string): string => bytesToHex(sha1(utf8.encode(text)));

export const sha256 = (text: string): Uint8Array => sha256Digest(utf8.encode(text));

export const sha256Hex = (text: string): string => bytesToHex(sha256(text));
