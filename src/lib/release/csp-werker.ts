/**
 * Worker thread of the render process (csp-draad.ts): answers each page's HTML with its inline
 * hashes (csp.ts).
 */
import { parentPort } from 'node:worker_threads';
import { inlineHashes } from './csp.ts';

export type CspVraag = { id: number; html: string };

parentPort!.on('message', ({ id, html }: CspVraag) => parentPort!.postMessage({ id, hashes: inlineHashes(html) }));
