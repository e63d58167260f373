/**
 * `npm run deploy -- <remote> [--proef] [--release <map>]`: copies the live release (or the given
 * folder) to object storage, a CDN origin, SFTP or WebDAV with rclone. Only changed files travel;
 * hashed assets go before the pages that use them. See README, "Serveren op meer dan één server".
 */
import { deployRelease } from '../src/lib/deploy/rclone.ts';
import { huidigeRelease } from '../src/lib/release/paden.ts';

async function main() {
  const args = process.argv.slice(2);
  const proef = args.includes('--proef');
  const releaseIndex = args.indexOf('--release');
  const release = releaseIndex >= 0 ? args[releaseIndex + 1] : huidigeRelease();
  const remote = args.find((a, i) => !a.startsWith('--') && i !== releaseIndex + 1) ?? process.env.DEPLOY_REMOTE;
  if (!remote) throw new Error('Geef een rclone-bestemming op, bijvoorbeeld: npm run deploy -- s3:mijn-bucket/sociale-kaart');
  if (!release) throw new Error('Er is nog geen release: bouw er eerst een met npm run build.');
  for (const stap of await deployRelease(release, remote, proef)) {
    console.log(
      `${stap.fase}: ${stap.gekopieerd.length} gekopieerd, ${stap.verwijderd.length} verwijderd${proef ? ' (proef)' : ''}`,
    );
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
