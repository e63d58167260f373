/** Build step (own process): writes the CSP manifest of the release folder given as argument. */
import { schrijfCspManifest } from './csp.ts';

const dir = process.argv[2];
if (!dir) throw new Error('Gebruik: csp-stap.ts <releasemap>');
await schrijfCspManifest(dir);
