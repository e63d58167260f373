import { loadConfig } from '../config/load.ts';
import { laadKaart } from '../data/kaart.ts';
import { databasePath, openDb } from '../db/client.ts';
import { lokaal } from '../rooster/kalender.ts';
import { maakSiteData, type SiteData } from './sitedata.ts';

/**
 * Kept on globalThis: the resident render process has two copies of this module (its own and
 * the one in Astro's bundle, same sources), and the fingerprints of a publish (release/afhankelijk.ts)
 * and its pages must be computed from one SiteData, once.
 */
const g = globalThis as typeof globalThis & { __socialeKaartSite?: { data: SiteData; geladen: number; bron: string } };

/** The moment the site is built; SK_BUILD_TIME fixes it for reproducible builds and tests. */
export function bouwMoment(): Date {
  return process.env.SK_BUILD_TIME ? new Date(process.env.SK_BUILD_TIME) : new Date();
}

/**
 * All data for the public pages. A release build reads its database snapshot once; the resident
 * render process (release/render-stap.ts) gets a new snapshot and moment per publish, so those
 * are part of the key. In `astro dev` and in portal previews the data is re-read after a few
 * seconds so edits show up.
 */
export function siteData(): SiteData {
  const vast = process.env.SK_DOEL === 'publiek';
  const bron = [databasePath(), process.env.SK_BUILD_TIME, process.env.GEMEENTE_CONFIG].join('\n');
  const cache = g.__socialeKaartSite;
  if (cache?.bron === bron && (vast || Date.now() - cache.geladen < 2000)) return cache.data;
  const db = openDb(databasePath());
  try {
    const data = maakSiteData(loadConfig(), laadKaart(db), lokaal(bouwMoment()));
    g.__socialeKaartSite = { data, geladen: Date.now(), bron };
    return data;
  } finally {
    db.$client.close();
  }
}
