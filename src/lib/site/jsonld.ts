import type { Activiteit, Kern, Organisatie } from '../data/kaart.ts';
import type { Adres } from '../model/velden.ts';
import { isoMetOffset, TIJDZONE } from '../rooster/kalender.ts';
import { roosterMaanden } from '../rooster/keren.ts';
import type { Regel, Rooster } from '../rooster/schema.ts';
import type { SiteData } from './sitedata.ts';

/** schema.org descriptions for search engines and other tools (Organization, Event, Place). */

const DAG: Record<string, string> = {
  ma: 'https://schema.org/Monday',
  di: 'https://schema.org/Tuesday',
  wo: 'https://schema.org/Wednesday',
  do: 'https://schema.org/Thursday',
  vr: 'https://schema.org/Friday',
  za: 'https://schema.org/Saturday',
  zo: 'https://schema.org/Sunday',
};

const CONTEXT = 'https://schema.org';

function url(site: SiteData, pad: string): string {
  return new URL(pad, site.config.url).href;
}

export function plaatsLd(adres: Adres) {
  return {
    '@type': 'Place',
    ...(adres.naam ? { name: adres.naam } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: `${adres.straat} ${adres.huisnummer}`,
      postalCode: adres.postcode,
      addressLocality: adres.plaats,
      addressCountry: 'NL',
    },
    ...(adres.lat !== undefined && adres.lon !== undefined
      ? { geo: { '@type': 'GeoCoordinates', latitude: adres.lat, longitude: adres.lon } }
      : {}),
  };
}

export function organisatieLd(site: SiteData, o: Organisatie) {
  return {
    '@context': CONTEXT,
    '@type': 'Organization',
    '@id': url(site, `/organisaties/${o.slug}/`),
    name: o.naam,
    description: o.omschrijving,
    url: url(site, `/organisaties/${o.slug}/`),
    ...(o.telefoon ? { telephone: o.telefoon } : {}),
    ...(o.email ? { email: o.email } : {}),
    ...(o.website ? { sameAs: [o.website] } : {}),
    ...(o.bezoekadres ? { address: plaatsLd(o.bezoekadres).address, location: plaatsLd(o.bezoekadres) } : {}),
    areaServed: o.kernen.map((k) => ({ '@type': 'Place', name: site.kernNaam(k) })),
  };
}

/** A repeating rule as a schema.org Schedule; single dates are the Event's own start and end. */
function schedule(regel: Regel, rooster: Rooster) {
  if (regel.type === 'eenmalig') return undefined;
  const { periode } = rooster;
  // Season and skipped months: the months it takes place in, as the calendar feeds' BYMONTH.
  const maanden = roosterMaanden(rooster);
  const basis = {
    '@type': 'Schedule',
    startTime: regel.van,
    endTime: regel.tot,
    scheduleTimezone: TIJDZONE,
    ...(periode?.van ? { startDate: periode.van } : {}),
    ...(periode?.tot ? { endDate: periode.tot } : {}),
    ...(maanden.length < 12 ? { byMonth: maanden } : {}),
  };
  if (regel.type === 'wekelijks') {
    return { ...basis, byDay: regel.dagen.map((d) => DAG[d]), repeatFrequency: `P${regel.interval}W` };
  }
  // schema.org's byMonthWeek counts from the start of the month (1–5); "last" has no value of its own.
  return {
    ...basis,
    byDay: DAG[regel.dag],
    repeatFrequency: 'P1M',
    ...(regel.week > 0 ? { byMonthWeek: regel.week } : {}),
  };
}

export function activiteitLd(site: SiteData, a: Activiteit) {
  const org = site.organisatie(a.organisatie);
  const volgende = site.volgende(a)[0];
  const schedules = a.rooster.regels
    .map((r) => schedule(r, a.rooster))
    .filter((s): s is NonNullable<typeof s> => s !== undefined);
  return {
    '@context': CONTEXT,
    '@type': 'Event',
    '@id': url(site, `/aanbod/${a.slug}/`),
    name: a.titel,
    description: a.omschrijving,
    url: url(site, `/aanbod/${a.slug}/`),
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: a.status === 'gepauzeerd' ? 'https://schema.org/EventPostponed' : 'https://schema.org/EventScheduled',
    ...(volgende
      ? { startDate: isoMetOffset(volgende.datum, volgende.van), endDate: isoMetOffset(volgende.datum, volgende.tot) }
      : {}),
    ...(schedules.length > 0 ? { eventSchedule: schedules } : {}),
    ...(a.plek ? { location: plaatsLd(a.plek) } : {}),
    ...(org ? { organizer: { '@type': 'Organization', name: org.naam, url: url(site, `/organisaties/${org.slug}/`) } } : {}),
    isAccessibleForFree: a.kosten.soort !== 'bedrag',
    ...(a.kosten.soort === 'bedrag'
      ? { offers: { '@type': 'Offer', price: (a.kosten.bedragCent / 100).toFixed(2), priceCurrency: 'EUR' } }
      : {}),
    audience: a.doelgroepen.map((d) => ({ '@type': 'Audience', audienceType: site.doelgroepLabel(d) })),
    inLanguage: 'nl',
  };
}

export function kernLd(site: SiteData, kern: Kern) {
  return {
    '@context': CONTEXT,
    '@type': 'Place',
    '@id': url(site, `/kernen/${kern.slug}/`),
    name: kern.naam,
    description: kern.omschrijving,
    geo: { '@type': 'GeoCoordinates', latitude: kern.centrum.lat, longitude: kern.centrum.lon },
    containedInPlace: { '@type': 'AdministrativeArea', name: `Gemeente ${site.config.naam}` },
  };
}
