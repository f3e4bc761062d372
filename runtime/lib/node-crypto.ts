// node:crypto, loaded at its first use: loading it costs ~3 ms (its WebCrypto part included), which every app paid
// at start because the modules that hash, sign or make random bytes are part of every runtime, listed or not.
// A built-in is always there to require, in dist/ and in a bundle alike.
import { createRequire } from 'node:module';

type NodeCrypto = typeof import('node:crypto');

let loaded: NodeCrypto | undefined;

export const nodeCrypto = (): NodeCrypto => (loaded ??= createRequire(import.meta.url)('node:crypto') as NodeCrypto);
