/** `npm run create-beheerder -- <e-mail> [naam]`: makes (or promotes) the first beheerder. */
import { openDb } from '../src/lib/db/client.ts';
import { accountVoorEmail, bewaarAccount, emailSchema, laadAccount } from '../src/lib/portaal/accounts.ts';
import { log } from '../src/lib/portaal/logboek.ts';

const [emailArg, ...naamDelen] = process.argv.slice(2);
const email = emailSchema.safeParse(emailArg ?? '');
if (!email.success) {
  console.error('Gebruik: npm run create-beheerder -- <e-mailadres> [naam]');
  console.error(`Het e-mailadres klopt niet: ${email.error.issues[0].message}`);
  process.exit(1);
}
const db = openDb();
const bestaand = accountVoorEmail(db, email.data);
const huidig = bestaand ? laadAccount(db, bestaand.id)! : undefined;
const id = bewaarAccount(
  db,
  {
    email: email.data,
    naam: naamDelen.join(' ') || huidig?.naam || email.data.split('@')[0],
    beheerder: true,
    organisaties: huidig?.organisaties ?? [],
    kernen: huidig?.kernen ?? [],
  },
  huidig?.id,
);
log(db, null, 'beheerder aangemaakt', `${email.data} via de opdrachtregel`);
console.log(`${email.data} is beheerder. Log in via /partners/inloggen/ met dit e-mailadres.`);
db.$client.close();
process.exitCode = id ? 0 : 1;
