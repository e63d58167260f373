import type { GemeenteConfig } from '../config/schema.ts';
import { gemeenteOrgId } from '../opendata/hsds/export.ts';
import { schedulesNaarRooster, type ScheduleRij } from '../opendata/hsds/rooster.ts';
import type { Rij, Tabellen } from '../opendata/hsds/tabellen.ts';
import { adresUit, kernUitNaam, onbekendeKern } from './hsds-adres.ts';
import { kostenUit } from './hsds-kosten.ts';
import { maakLezer, type Attribuut } from './hsds-lezer.ts';
import type { Koppeling } from './koppeling.ts';
import type { ActiviteitBron, Herkomst, Invoer, KernondersteunerBron, OrganisatieBron } from './invoer.ts';
import { letOp, probleem, type Melding } from '../opendata/hsds/melding.ts';

/** HSDS tables (from JSON or CSV) → organisations, activities and kernondersteuners. */

const NEDERLANDS = new Set(['nl', 'nld', 'dut', 'nederlands', 'dutch']);

export function hsdsNaarInvoer(
  tabellen: Tabellen,
  config: GemeenteConfig,
  soort: Invoer['soort'],
  bestanden: string[],
  koppeling?: Koppeling,
): Invoer {
  const meldingen: Melding[] = [];
  const lezer = maakLezer(tabellen, config, meldingen, koppeling);
  const { per, tekst, attributen, raak, alles } = lezer;
  const invoer: Invoer = { soort, bestanden, organisaties: [], activiteiten: [], kernondersteuners: [], meldingen };
  /** Per organisation id: the location that became its visiting address. */
  const orgLocatie = new Map<string, string>();
  const orgPerId = new Map<string, OrganisatieBron>();

  const eerste = (rijen: Rij[], wat: string) => {
    for (const extra of rijen.slice(1))
      meldingen.push(letOp(extra.plek, `De sociale kaart kent één ${wat}; deze extra niet overgenomen.`));
    return rijen[0];
  };
  const herkomstVan = (rij: Rij): Herkomst => ({ plek: rij.plek, velden: {} });
  const bron = (h: Herkomst, model: string, rij: Rij, veld: string) => (h.velden[model] = { ...rij.plek, veld });
  const slugs = (attrs: Attribuut[], code: string) => attrs.filter((a) => a.code === code).map((a) => a.slug);
  const veldWaarde = (attrs: Attribuut[], slug: string, h: Herkomst, model: string) => {
    const a = attrs.find((x) => x.code === 'veld' && x.slug === slug);
    if (a) h.velden[model] = { ...a.rij.plek, veld: 'value' };
    return a?.waarde;
  };
  const nietVoor = (attrs: Attribuut[], toegestaan: string[], wat: string) => {
    for (const a of attrs) {
      if (!toegestaan.includes(a.code) && !(a.code === 'veld' && toegestaan.includes(`veld:${a.slug}`))) {
        meldingen.push(
          letOp(
            { ...a.rij.plek, veld: 'taxonomy_term_id' },
            `${a.code} "${a.slug}" hoort niet bij een ${wat}; niet overgenomen.`,
          ),
        );
      }
    }
  };

  function rooster(rijen: Rij[]) {
    const schedules: ScheduleRij[] = rijen.map((rij) => {
      const attrs = attributen(tekst(rij, 'id'));
      nietVoor(
        attrs,
        ['veld:seizoen', 'veld:niet-op', 'veld:op-afspraak', 'veld:niet-in-maanden', 'veld:niet-op-feestdagen'],
        'rooster',
      );
      const waarden = Object.fromEntries(
        Object.entries(rij.waarden).filter(([k]) => !['id', 'service_id', 'location_id', 'service_at_location_id'].includes(k)),
      );
      alles(rij);
      return {
        plek: rij.plek,
        waarden,
        velden: Object.fromEntries(attrs.filter((a) => a.code === 'veld').map((a) => [a.slug, a.waarde ?? ''])),
      };
    });
    return schedulesNaarRooster(schedules);
  }

  function roosterInto(h: Herkomst, pad: string, rijen: Rij[], data: Record<string, unknown>, sleutel = 'rooster') {
    const r = rooster(rijen);
    meldingen.push(...r.meldingen);
    data[sleutel] = r.rooster;
    h.velden[pad] = rijen[0]?.plek ?? { ...h.plek, veld: 'schedules' };
    if (rijen.length === (r.rooster.regels ?? []).length)
      rijen.forEach((rij, i) => {
        h.velden[`${pad}.regels.${i}`] = rij.plek;
      });
  }

  const talen = (serviceId: string | undefined) => {
    for (const rij of per('language', 'service_id', serviceId)) {
      if ([tekst(rij, 'code'), tekst(rij, 'name')].some((w) => w && NEDERLANDS.has(w.toLowerCase())))
        raak(rij, 'id', 'service_id');
    }
  };

  function kernVan(serviceId: string | undefined, h: Herkomst, plekKern?: string): string | undefined {
    const gebieden = per('service_area', 'service_id', serviceId);
    const kernen = gebieden.map((g) => {
      raak(g, 'id', 'service_id', 'description');
      const attr = attributen(tekst(g, 'id')).find((a) => a.code === 'kern');
      const naam = tekst(g, 'name');
      const kern = attr?.slug ?? kernUitNaam(config, naam);
      if (!kern) meldingen.push(probleem({ ...g.plek, veld: 'name' }, `Onbekende kern: ${onbekendeKern(config, naam ?? '')}`));
      return { kern, rij: g };
    });
    const gevonden = [...new Set(kernen.map((k) => k.kern).filter((k): k is string => k !== undefined))];
    if (gevonden.length > 1) {
      meldingen.push(
        probleem(
          { ...gebieden[0].plek, veld: 'name' },
          `Een activiteit is in één kern; hier staan er ${gevonden.length} (${gevonden.join(', ')}). Maak er aparte activiteiten van.`,
        ),
      );
    }
    if (kernen[0]) h.velden.kern = { ...kernen[0].rij.plek, veld: 'name' };
    return gevonden[0] ?? (kernen.length === 0 ? plekKern : undefined);
  }

  function contact(rijen: Rij[], h: Herkomst, pad: string) {
    const c = eerste(rijen, 'contactpersoon');
    if (!c) return undefined;
    const tel = eerste(per('phone', 'contact_id', tekst(c, 'id')), 'telefoonnummer');
    raak(c, 'id', 'service_id', 'organization_id');
    bron(h, `${pad}.naam`, c, 'name');
    bron(h, `${pad}.email`, c, 'email');
    if (tel) {
      raak(tel, 'id', 'contact_id');
      bron(h, `${pad}.telefoon`, tel, 'number');
    }
    return { c, tel, naam: tekst(c, 'name'), email: tekst(c, 'email'), telefoon: tel ? tekst(tel, 'number') : undefined };
  }

  // Organisations first: activities refer to them and to their visiting address.
  for (const rij of tabellen.get('organization') ?? []) {
    const id = tekst(rij, 'id');
    if (id === gemeenteOrgId(config.naam)) {
      // Our stand-in for a kernondersteuner without organisation: made from the config, not data.
      alles(rij);
      for (const tel of per('phone', 'organization_id', id)) alles(tel);
      continue;
    }
    const h = herkomstVan(rij);
    const data: Record<string, unknown> = {
      naam: tekst(rij, 'name'),
      omschrijving: tekst(rij, 'description'),
      email: tekst(rij, 'email'),
      website: tekst(rij, 'website'),
    };
    bron(h, 'naam', rij, 'name');
    bron(h, 'omschrijving', rij, 'description');
    bron(h, 'email', rij, 'email');
    bron(h, 'website', rij, 'website');
    const tel = eerste(per('phone', 'organization_id', id), 'telefoonnummer van de organisatie');
    if (tel) {
      raak(tel, 'id', 'organization_id');
      data.telefoon = tekst(tel, 'number');
      bron(h, 'telefoon', tel, 'number');
    }
    const locaties = per('location', 'organization_id', id);
    const loc = locaties.find(
      (l) => per('address', 'location_id', String(l.waarden.id)).length > 0 && l.waarden.location_type !== 'virtual',
    );
    if (loc) {
      raak(loc, 'organization_id');
      data.bezoekadres = adresUit(lezer, config, loc, 'bezoekadres', h, meldingen);
      if (id) orgLocatie.set(id, String(loc.waarden.id));
    }
    const attrs = attributen(id);
    nietVoor(attrs, ['soort', 'kern', 'thema', 'veld:slug', 'veld:gecontroleerd-op'], 'organisatie');
    const soort = attrs.find((a) => a.code === 'soort');
    data.soort = soort?.slug;
    if (soort) bron(h, 'soort', soort.rij, 'taxonomy_term_id');
    data.kernen = slugs(attrs, 'kern');
    const kernAttr = attrs.find((a) => a.code === 'kern');
    if (kernAttr) bron(h, 'kernen', kernAttr.rij, 'taxonomy_term_id');
    if ((data.kernen as string[]).length === 0 && typeof (data.bezoekadres as { kern?: string })?.kern === 'string') {
      data.kernen = [(data.bezoekadres as { kern: string }).kern];
      meldingen.push(
        letOp(
          { ...rij.plek, veld: 'attributes' },
          'Er staat niet in welke kernen de organisatie actief is; we nemen de kern van het adres.',
        ),
      );
    }
    data.themas = slugs(attrs, 'thema');
    data.gecontroleerdOp = veldWaarde(attrs, 'gecontroleerd-op', h, 'gecontroleerdOp');
    const org: OrganisatieBron = { herkomst: h, uuid: id, slug: veldWaarde(attrs, 'slug', h, 'slug'), data };
    invoer.organisaties.push(org);
    if (id) orgPerId.set(id, org);
  }

  const verwijzing = (rij: Rij) => {
    const uuid = tekst(rij, 'organization_id');
    return { uuid, slug: uuid ? orgPerId.get(uuid)?.slug : undefined, plek: { ...rij.plek, veld: 'organization_id' } };
  };

  /** Everything a service has, marked as used: for the general service we derive ourselves. */
  function verbruikDienst(sid: string | undefined) {
    for (const [tabel, kolom] of [
      ['phone', 'service_id'],
      ['service_area', 'service_id'],
      ['service_at_location', 'service_id'],
      ['language', 'service_id'],
      ['attribute', 'link_id'],
      ['schedule', 'service_id'],
      ['cost_option', 'service_id'],
      ['contact', 'service_id'],
    ]) {
      for (const r of per(tabel, kolom, sid)) {
        alles(r);
        for (const a of per('attribute', 'link_id', String(r.waarden.id))) alles(a);
      }
    }
  }

  function activiteit(dienst: Rij, attrs: Attribuut[]) {
    const sid = tekst(dienst, 'id');
    const h = herkomstVan(dienst);
    const status = tekst(dienst, 'status');
    if (status === 'defunct') {
      meldingen.push(letOp({ ...dienst.plek, veld: 'status' }, 'Deze dienst bestaat niet meer (defunct); overgeslagen.'));
      verbruikDienst(sid);
      alles(dienst);
      return;
    }
    if (status === 'inactive')
      meldingen.push(
        letOp({ ...dienst.plek, veld: 'status' }, 'Deze dienst is niet actief (inactive); hij komt binnen als concept.'),
      );
    nietVoor(
      attrs,
      ['aanbod', 'thema', 'doelgroep', 'aanmelden', 'capaciteit', 'veld:slug', 'veld:toegankelijkheid'],
      'activiteit',
    );
    const slug = veldWaarde(attrs, 'slug', h, 'slug');
    const org = orgPerId.get(tekst(dienst, 'organization_id') ?? '');
    const data: Record<string, unknown> = {
      titel: tekst(dienst, 'name'),
      omschrijving: tekst(dienst, 'description'),
      themas: slugs(attrs, 'thema'),
      doelgroepen: slugs(attrs, 'doelgroep'),
      toegankelijkheid: veldWaarde(attrs, 'toegankelijkheid', h, 'toegankelijkheid'),
      capaciteit: slugs(attrs, 'capaciteit')[0],
      gecontroleerdOp: tekst(dienst, 'assured_date'),
    };
    bron(h, 'titel', dienst, 'name');
    bron(h, 'omschrijving', dienst, 'description');
    bron(h, 'gecontroleerdOp', dienst, 'assured_date');
    for (const [model, code] of [
      ['themas', 'thema'],
      ['doelgroepen', 'doelgroep'],
    ]) {
      const a = attrs.find((x) => x.code === code);
      h.velden[model] = a ? { ...a.rij.plek, veld: 'taxonomy_term_id' } : { ...dienst.plek, veld: 'attributes' };
    }
    const url = tekst(dienst, 'url');
    if (url && slug && url !== new URL(`/aanbod/${slug}/`, config.url).href) {
      meldingen.push(
        letOp(
          { ...dienst.plek, veld: 'url' },
          `Een eigen webadres per activiteit kent de sociale kaart niet (${url}); niet overgenomen.`,
        ),
      );
    }
    const aanmelden = attrs.find((a) => a.code === 'aanmelden');
    const hoe = tekst(dienst, 'application_process');
    data.aanmelden = { soort: aanmelden?.slug ?? (hoe ? 'aanmelden' : undefined), hoe };
    h.velden.aanmelden = aanmelden
      ? { ...aanmelden.rij.plek, veld: 'taxonomy_term_id' }
      : { ...dienst.plek, veld: 'application_process' };
    h.velden['aanmelden.hoe'] = { ...dienst.plek, veld: 'application_process' };
    if (!aanmelden && hoe)
      meldingen.push(
        letOp(
          { ...dienst.plek, veld: 'application_process' },
          'Er staat hoe u zich aanmeldt; we nemen aan dat aanmelden nodig is.',
        ),
      );
    data.kosten = kostenUit(lezer, per('cost_option', 'service_id', sid), dienst, h, meldingen);
    const c = contact(per('contact', 'service_id', sid), h, 'contact');
    if (c) data.contact = { naam: c.naam, telefoon: c.telefoon, email: c.email };

    const sal = eerste(per('service_at_location', 'service_id', sid), 'locatie');
    let plekKern: string | undefined;
    if (sal) {
      raak(sal, 'id', 'service_id', 'location_id');
      const locId = tekst(sal, 'location_id');
      const loc = per('location', 'id', locId)[0];
      if (!loc)
        meldingen.push(probleem({ ...sal.plek, veld: 'location_id' }, `Locatie ${locId ?? ''} staat niet in het bestand.`));
      else if (org?.uuid && orgLocatie.get(org.uuid) === locId)
        plekKern = (org.data.bezoekadres as { kern?: string } | undefined)?.kern;
      else {
        data.locatie = adresUit(lezer, config, loc, 'locatie', h, meldingen);
        plekKern = (data.locatie as { kern?: string } | undefined)?.kern;
      }
    }
    data.kern = kernVan(sid, h, plekKern);
    if (data.kern === undefined && per('service_area', 'service_id', sid).length === 0) {
      h.velden.kern = { ...dienst.plek, veld: 'service_areas' };
      meldingen.push(
        probleem(
          h.velden.kern,
          `Er staat niet in welke kern de activiteit is. Geef een service_area met de naam van de kern (${config.kernen.map((k) => k.naam).join(', ')}), of een plek met adres.`,
        ),
      );
    }
    const eigen = per('schedule', 'service_id', sid);
    roosterInto(
      h,
      'rooster',
      eigen.length > 0 || !sal ? eigen : per('schedule', 'service_at_location_id', tekst(sal, 'id')),
      data,
    );
    talen(sid);
    raak(dienst, 'organization_id', 'status', 'last_modified', 'url');
    const bronStatus = status === 'temporarily closed' ? 'gepauzeerd' : status === 'inactive' ? 'concept' : 'gepubliceerd';
    const act: ActiviteitBron = {
      herkomst: h,
      uuid: sid,
      slug,
      gewijzigdOp: tekst(dienst, 'last_modified'),
      data,
      organisatie: verwijzing(dienst),
      status: bronStatus,
    };
    invoer.activiteiten.push(act);
  }

  function kernondersteuner(dienst: Rij, attrs: Attribuut[]) {
    const sid = tekst(dienst, 'id');
    const h = herkomstVan(dienst);
    raak(dienst, 'name', 'description', 'status', 'organization_id');
    nietVoor(attrs, ['aanbod', 'veld:foto'], 'kernondersteuner');
    const data: Record<string, unknown> = { foto: veldWaarde(attrs, 'foto', h, 'foto') };
    const c = contact(per('contact', 'service_id', sid), h, 'contact');
    if (c) {
      Object.assign(data, {
        naam: c.naam,
        email: c.email,
        telefoon: c.telefoon,
        bereikbaar: c.tel ? tekst(c.tel, 'description') : undefined,
      });
      for (const v of ['naam', 'email', 'telefoon']) h.velden[v] = h.velden[`contact.${v}`];
      if (c.tel) bron(h, 'bereikbaar', c.tel, 'description');
    }
    data.kern = kernVan(sid, h);
    data.spreekuren = per('service_at_location', 'service_id', sid).map((sal, i) => {
      raak(sal, 'id', 'service_id', 'location_id');
      bron(h, `spreekuren.${i}.omschrijving`, sal, 'description');
      const loc = per('location', 'id', tekst(sal, 'location_id'))[0];
      const spreekuur: Record<string, unknown> = { omschrijving: tekst(sal, 'description') };
      if (loc) spreekuur.plek = adresUit(lezer, config, loc, `spreekuren.${i}.plek`, h, meldingen);
      else meldingen.push(probleem({ ...sal.plek, veld: 'location_id' }, 'De plek van dit spreekuur staat niet in het bestand.'));
      roosterInto(h, `spreekuren.${i}.rooster`, per('schedule', 'service_at_location_id', tekst(sal, 'id')), spreekuur);
      return spreekuur;
    });
    talen(sid);
    const uuid = tekst(dienst, 'organization_id');
    const eigen = uuid && uuid !== gemeenteOrgId(config.naam);
    invoer.kernondersteuners.push({
      herkomst: h,
      uuid: sid,
      data,
      organisatie: eigen ? verwijzing(dienst) : undefined,
    } satisfies KernondersteunerBron);
  }

  for (const dienst of tabellen.get('service') ?? []) {
    const sid = tekst(dienst, 'id');
    const attrs = attributen(sid);
    const aanbod = attrs.find((a) => a.code === 'aanbod')?.slug ?? 'activiteit';
    if (aanbod === 'organisatie') {
      const org = orgPerId.get(tekst(dienst, 'organization_id') ?? '');
      verbruikDienst(sid);
      alles(dienst);
      if (!org)
        meldingen.push(letOp(dienst.plek, 'Algemene dienst van een organisatie die niet in het bestand staat; overgeslagen.'));
      else org.gewijzigdOp ??= tekst(dienst, 'last_modified');
      if (!org) {
        // reported above
      } else if (org.data.naam !== tekst(dienst, 'name') || org.data.omschrijving !== tekst(dienst, 'description')) {
        meldingen.push(
          letOp(
            dienst.plek,
            'De algemene dienst wijkt af van de organisatie; we nemen de naam en omschrijving van de organisatie.',
          ),
        );
      }
    } else if (aanbod === 'kernondersteuning') kernondersteuner(dienst, attrs);
    else activiteit(dienst, attrs);
  }
  meldingen.push(...lezer.nietGebruikt());
  invoer.onbekendeTermen = lezer.onbekend;
  return invoer;
}
