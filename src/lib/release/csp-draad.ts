import { Worker } from 'node:worker_threads';
import type { InlineHashes } from './csp.ts';
import type { CspVraag } from './csp-werker.ts';

/**
 * inlineHashes on a thread of its own, for a full build: parsing every page with parse5 took some
 * 8 s of the render thread at 20,000 pages, while the second core mostly waited. A publish (a few
 * dozen pages) finds them in place: starting a thread would cost more than it saves.
 */
export function cspDraad(): { hashes(html: string): Promise<InlineHashes>; stop(): Promise<number> } {
  const werker = new Worker(new URL('./csp-werker.ts', import.meta.url));
  const wacht = new Map<number, { klaar: (h: InlineHashes) => void; fout: (e: unknown) => void }>();
  let volgende = 0;
  let fout: unknown;
  const faal = (e: unknown) => {
    fout ??= e;
    for (const w of wacht.values()) w.fout(fout);
    wacht.clear();
  };
  werker.on('message', ({ id, hashes }: { id: number; hashes: InlineHashes }) => {
    wacht.get(id)?.klaar(hashes);
    wacht.delete(id);
  });
  werker.on('error', faal);
  werker.on('exit', (code) => faal(new Error(`de CSP-draad is gestopt (code ${code})`)));
  return {
    hashes(html) {
      if (fout !== undefined) return Promise.reject(fout);
      const vraag: CspVraag = { id: volgende++, html };
      return new Promise((klaar, weiger) => {
        wacht.set(vraag.id, { klaar, fout: weiger });
        werker.postMessage(vraag);
      });
    },
    stop: () => werker.terminate(),
  };
}
