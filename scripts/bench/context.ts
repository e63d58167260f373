import { NODE_GEHEUGEN } from '../../src/lib/release/geheugen.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** One measured figure. `runs` > 1 means `waarde` is the median of that many runs. */
export type Meting = {
  sectie: string;
  naam: string;
  waarde: number | string;
  eenheid: string;
  runs?: number;
  toelichting?: string;
};

/** A fresh data folder with its own database and releases, so a bench never touches `data/`. */
export type BenchOmgeving = { dataDir: string; env: NodeJS.ProcessEnv; opruimen: () => void };

export function nieuweOmgeving(naam: string): BenchOmgeving {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `sk-bench-${naam}-`));
  return {
    dataDir,
    env: {
      ...process.env,
      DATABASE_PATH: path.join(dataDir, 'sociale-kaart.sqlite'),
      RELEASES_DIR: path.join(dataDir, 'releases'),
      OUTBOX_DIR: path.join(dataDir, 'outbox'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    // A build step the stopped server ended may still be letting go of its files: try again a few
    // times, and never lose the figures of a finished run over a leftover folder.
    opruimen: () => {
      try {
        rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (e) {
        console.error(`Opruimen van ${dataDir} mislukt: ${e}`);
      }
    },
  };
}

export function mediaan(waarden: number[]): number {
  const s = [...waarden].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentiel(waarden: number[], p: number): number {
  const s = [...waarden].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export function vrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Runs a project script (tsx) in the bench environment and resolves when it exits. */
export function draaiScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  // scripts/build.ts with the Node flags `npm run build` gives it (package.json, geheugen.ts).
  const opties = script === 'scripts/build.ts' ? NODE_GEHEUGEN : [];
  return new Promise((resolve, reject) => {
    const kind = spawn(process.execPath, [...opties, '--import', 'tsx', script, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let fout = '';
    kind.stderr.on('data', (c: Buffer) => (fout = (fout + c.toString()).slice(-5000)));
    kind.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${script} faalde (${code}):\n${fout}`))));
  });
}

/** Starts `npm start` in the bench environment; resolves with its base URL once it listens. */
export async function startServer(
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; proces: ChildProcess; stop: () => Promise<void> }> {
  const port = await vrijePoort();
  const proces = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let uitvoer = '';
    const lees = (c: Buffer) => {
      uitvoer += c.toString();
      if (uitvoer.includes('draait op')) resolve();
    };
    proces.stdout!.on('data', lees);
    proces.stderr!.on('data', lees);
    proces.on('exit', (code) => reject(new Error(`server stopte (${code}):\n${uitvoer}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    proces,
    stop: () =>
      new Promise((resolve) => {
        proces.once('exit', () => resolve());
        proces.kill('SIGTERM');
      }),
  };
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'onbekend';
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
