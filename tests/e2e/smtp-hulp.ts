import { createServer, type Server, type Socket } from 'node:net';

/**
 * A small SMTP listener for tests (enough of RFC 5321 for nodemailer without TLS): it collects
 * the mails it receives, and can hold its greeting until `laatGaan()`, like a slow mail server.
 */
export type ProefSmtp = {
  poort: number;
  ontvangen: { aan: string[]; data: string }[];
  /** Connections opened so far (a client that connected but got no greeting yet counts too). */
  verbindingen: number;
  laatGaan(): void;
  wachtOpMails(n: number): Promise<void>;
  stop(): Promise<void>;
};

export async function startProefSmtp(opties: { traag?: boolean } = {}): Promise<ProefSmtp> {
  let vrij = !opties.traag;
  const wachtend: Socket[] = [];
  const wachters: { n: number; klaar: () => void }[] = [];
  const sockets = new Set<Socket>();
  const groet = (s: Socket) => s.write('220 proef.example ESMTP\r\n');

  const smtp: ProefSmtp = {
    poort: 0,
    ontvangen: [],
    verbindingen: 0,
    laatGaan() {
      vrij = true;
      for (const s of wachtend.splice(0)) groet(s);
    },
    wachtOpMails(n) {
      if (smtp.ontvangen.length >= n) return Promise.resolve();
      return new Promise((klaar) => wachters.push({ n, klaar }));
    },
    stop() {
      for (const s of sockets) s.destroy();
      return new Promise((klaar) => server.close(() => klaar()));
    },
  };

  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    smtp.verbindingen++;
    let buffer = '';
    let inData = false;
    let aan: string[] = [];
    let data = '';
    s.on('data', (deel) => {
      buffer += deel.toString('utf8');
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const regel = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (regel === '.') {
            inData = false;
            smtp.ontvangen.push({ aan, data });
            for (const w of wachters.filter((x) => smtp.ontvangen.length >= x.n)) w.klaar();
            aan = [];
            data = '';
            s.write('250 OK\r\n');
          } else data += `${regel.replace(/^\./, '')}\n`;
          continue;
        }
        const opdracht = regel.slice(0, 4).toUpperCase();
        if (opdracht === 'EHLO' || opdracht === 'HELO') s.write('250 proef.example\r\n');
        else if (opdracht === 'RCPT') {
          aan.push(/<([^>]*)>/.exec(regel)?.[1] ?? '');
          s.write('250 OK\r\n');
        } else if (opdracht === 'DATA') {
          inData = true;
          s.write('354 Ga uw gang\r\n');
        } else if (opdracht === 'QUIT') s.end('221 Tot ziens\r\n');
        else s.write('250 OK\r\n');
      }
    });
    if (vrij) groet(s);
    else wachtend.push(s);
  });
  await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
  smtp.poort = (server.address() as { port: number }).port;
  return smtp;
}
