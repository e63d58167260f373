import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataPad, projectRoot } from '../config/inhoud.ts';

export type Bericht = { aan: string; onderwerp: string; tekst: string };

export function outboxDir(): string {
  return process.env.OUTBOX_DIR ? path.resolve(projectRoot(), process.env.OUTBOX_DIR) : dataPad('outbox');
}

/** Only plain addresses; a newline in a header would let input add recipients. */
function veiligAdres(adres: string): string {
  if (/[\r\n<>,;]/.test(adres)) throw new Error('Ongeldig e-mailadres');
  return adres;
}

/**
 * Sends e-mail over SMTP when SMTP_URL is set (e.g. smtps://user:pass@smtp.example.nl), and
 * otherwise writes it to the outbox folder (readable by the server's user only), so the embedded
 * default works offline and tests can read the login link. The log names the file, never the
 * text: a login link in a log would be a live key to an account.
 */
export async function verstuur(bericht: Bericht, smtpUrl = process.env.SMTP_URL): Promise<void> {
  const aan = veiligAdres(bericht.aan);
  const onderwerp = bericht.onderwerp.replace(/[\r\n]+/g, ' ');
  const van = process.env.MAIL_FROM ?? 'Sociale kaart <noreply@socialekaart.example>';
  if (smtpUrl) {
    const { createTransport } = await import('nodemailer');
    // Short timeouts: a hanging mail server must not hold a queued mail for minutes.
    await createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }).sendMail({
      from: van,
      to: aan,
      subject: onderwerp,
      text: bericht.tekst,
    });
    return;
  }
  const dir = outboxDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const naam = `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.json`;
  writeFileSync(
    path.join(dir, naam),
    JSON.stringify({ van, aan, onderwerp, tekst: bericht.tekst, verzondenOp: new Date().toISOString() }, null, 2),
    { mode: 0o600 },
  );
  console.log(`[mail] naar ${aan}: ${onderwerp} (outbox/${naam})`);
}
