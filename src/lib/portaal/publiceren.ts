import { desc, eq, inArray } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { BouwFout, bouwRelease, warmRendererOp } from '../release/bouwen.ts';
import { renderWerkerLoopt } from '../release/renderwerker.ts';
import type { ReleaseInfo } from '../release/paden.ts';

/** Waits before retrying a failed publish: one, five, fifteen minutes, then hourly (at most six tries). */
export const OPNIEUW_NA_MS = [60_000, 300_000, 900_000, 3_600_000, 3_600_000, 3_600_000];

/**
 * A large site's open-data files follow after this many quiet milliseconds, and at the latest
 * NALEVEREN_UITERLIJK_MS after the first publish that left them: making them takes as long as the
 * approval's own publish, and a beheerder approving a series should not wait behind it each time.
 */
export const NALEVEREN_NA_MS = 30_000;
const NALEVEREN_UITERLIJK_MS = 5 * 60_000;

/**
 * Rebuilds the public site after changes. Requests that arrive while a build runs are
 * combined into one next build; a failed build leaves the previous release live, is shown to
 * the beheerder with its error and is tried again later (OPNIEUW_NA_MS). Made once at start-up,
 * so publications a crash left unfinished are closed and published again.
 */
export class Publiceerder {
  private bezig: Promise<void> | undefined;
  private opnieuw = false;
  private timer: NodeJS.Timeout | undefined;
  private herstel: { timer: NodeJS.Timeout; op: Date } | undefined;
  private mislukt = 0;
  /** The next build is a full one (asked for, or after a failure). */
  private volledig = process.env.SK_PUBLICEER_VOLLEDIG === '1';
  /** The next build makes the open-data files too (a large site leaves them for a follow-up). */
  private metOpenData = false;
  /** The follow-up that makes them, planned after a quiet spell. */
  private nalevering: { timer: NodeJS.Timeout; sinds: number } | undefined;

  constructor(
    private readonly db: DbOfTx,
    private readonly bouw: (opties: { volledig: boolean; naleveren: boolean }) => Promise<ReleaseInfo> = async (opties) => {
      const info = await bouwRelease({ log: () => {}, ...opties });
      // A large site's full build ends the render process to free its memory for search
      // (bouwen.ts): loaded again now, the next approval publishes as quickly as the rest.
      if (!renderWerkerLoopt()) warmRendererOp().catch(() => {});
      return info;
    },
    /**
     * No wait beyond the current turn of the event loop: approvals given together (one form, an
     * import) become one build, those that come while a build runs are combined into the next.
     */
    private readonly wachtMs = 0,
    private readonly opnieuwNaMs = OPNIEUW_NA_MS,
    private readonly naleverenNaMs = NALEVEREN_NA_MS,
  ) {
    const onderbroken = db
      .update(t.publicatie)
      .set({ status: 'mislukt', fout: 'Onderbroken doordat de server stopte.', klaarOp: new Date().toISOString() })
      .where(eq(t.publicatie.status, 'bezig'))
      .returning({ id: t.publicatie.id })
      .all();
    const wachtend = db.select({ id: t.publicatie.id }).from(t.publicatie).where(eq(t.publicatie.status, 'wacht')).all();
    // Requests that were still waiting are built along with this one.
    if (onderbroken.length > 0 || wachtend.length > 0) this.vraagAan('Opnieuw na een onderbroken publicatie');
  }

  /**
   * Asks for a new release. It re-renders only what changed, unless `volledig`: then Astro builds
   * every page (the beheerder's "Nu opnieuw publiceren", or to be sure after a failure).
   */
  vraagAan(reden: string, opties: { volledig?: boolean; metOpenData?: boolean } = {}): void {
    if (opties.volledig) this.volledig = true;
    if (opties.metOpenData) this.metOpenData = true;
    // An approval postpones a planned open-data follow-up: it waits for a quiet spell (up to its latest moment).
    else if (this.nalevering) this.planNalevering();
    this.db.insert(t.publicatie).values({ status: 'wacht', reden, aangevraagdOp: new Date().toISOString() }).run();
    if (this.bezig) {
      this.opnieuw = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.start(), this.wachtMs);
  }

  /** When a failed publish is tried again by itself, if it is. */
  volgendePoging(): Date | undefined {
    return this.herstel?.op;
  }

  /** Resolves when no build is running or waiting, the planned open-data follow-up included (for tests). */
  async klaar(): Promise<void> {
    while (this.timer || this.bezig || this.nalevering) {
      if (this.bezig) await this.bezig;
      else await new Promise((r) => setTimeout(r, 10));
    }
  }

  private start(): Promise<void> {
    this.timer = undefined;
    this.bezig = this.draai().finally(() => {
      this.bezig = undefined;
      if (this.opnieuw) {
        this.opnieuw = false;
        void this.start();
      }
    });
    return this.bezig;
  }

  /** Plans the open-data follow-up after a quiet spell; another publish that leaves them postpones it. */
  private planNalevering(): void {
    const sinds = this.nalevering?.sinds ?? Date.now();
    clearTimeout(this.nalevering?.timer);
    const wacht = Math.max(0, Math.min(this.naleverenNaMs, sinds + NALEVEREN_UITERLIJK_MS - Date.now()));
    const timer = setTimeout(() => {
      this.nalevering = undefined;
      this.vraagAan('Open data bijwerken na de vorige publicatie', { metOpenData: true });
    }, wacht);
    timer.unref();
    this.nalevering = { timer, sinds };
  }

  /** After a failure: try again later, unless a new request already came in. */
  private planHerstel(): void {
    if (this.opnieuw || this.mislukt > this.opnieuwNaMs.length) return;
    const na = this.opnieuwNaMs[this.mislukt - 1];
    const poging = this.mislukt + 1;
    const timer = setTimeout(() => {
      this.herstel = undefined;
      this.vraagAan(`Automatisch opnieuw na een mislukte publicatie (poging ${poging})`);
    }, na);
    timer.unref();
    this.herstel = { timer, op: new Date(Date.now() + na) };
  }

  private async draai(): Promise<void> {
    if (this.herstel) clearTimeout(this.herstel.timer);
    this.herstel = undefined;
    const ids = this.db
      .select({ id: t.publicatie.id })
      .from(t.publicatie)
      .where(eq(t.publicatie.status, 'wacht'))
      .all()
      .map((r) => r.id);
    if (ids.length === 0) return;
    this.db
      .update(t.publicatie)
      .set({ status: 'bezig', gestartOp: new Date().toISOString() })
      .where(inArray(t.publicatie.id, ids))
      .run();
    const volledig = this.volledig;
    const naleveren = !this.metOpenData;
    // This build makes the open-data files (unless the site is small, when every build does): no follow-up needed.
    if (!naleveren) {
      clearTimeout(this.nalevering?.timer);
      this.nalevering = undefined;
    }
    this.volledig = process.env.SK_PUBLICEER_VOLLEDIG === '1';
    this.metOpenData = false;
    try {
      const info = await this.bouw({ volledig, naleveren });
      this.mislukt = 0;
      // Later: the open-data files this publish left as they were (a large site).
      if (info.uitgesteld) this.planNalevering();
      this.db
        .update(t.publicatie)
        .set({ status: 'klaar', releaseId: info.id, klaarOp: new Date().toISOString() })
        .where(inArray(t.publicatie.id, ids))
        .run();
    } catch (e) {
      const fout = e instanceof BouwFout ? `${e.message}\n${e.uitvoer.slice(-3000)}` : String(e);
      this.mislukt++;
      // Whatever went wrong, the next try builds everything anew.
      this.volledig = true;
      this.db
        .update(t.publicatie)
        .set({ status: 'mislukt', fout, klaarOp: new Date().toISOString() })
        .where(inArray(t.publicatie.id, ids))
        .run();
      console.error(`Publiceren mislukt: ${fout}`);
      this.planHerstel();
    }
  }
}

export function recentePublicaties(db: DbOfTx, aantal = 20) {
  return db.select().from(t.publicatie).orderBy(desc(t.publicatie.id)).limit(aantal).all();
}

/** The last failed build if no build succeeded after it: shown as a warning to the beheerder. */
export function openstaandeFout(db: DbOfTx) {
  const laatste = db
    .select()
    .from(t.publicatie)
    .where(inArray(t.publicatie.status, ['klaar', 'mislukt']))
    .orderBy(desc(t.publicatie.id))
    .get();
  return laatste?.status === 'mislukt' ? laatste : undefined;
}
