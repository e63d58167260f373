import type { SiteData } from './sitedata.ts';

const PAGINAS = ['over', 'toegankelijkheid', 'privacy'];

/** Every public page path, for the sitemap and for tests that visit them all. */
export function publiekePaden(site: SiteData): string[] {
  return [
    '/',
    '/kernen/',
    ...site.kernen.map((k) => `/kernen/${k.slug}/`),
    '/organisaties/',
    ...site.kaart.organisaties.map((o) => `/organisaties/${o.slug}/`),
    ...site.kaart.activiteiten.map((a) => `/aanbod/${a.slug}/`),
    '/themas/',
    ...site.config.themas.map((t) => `/themas/${t.slug}/`),
    '/zoeken/',
    '/open-data/',
    ...PAGINAS.map((p) => `/${p}/`),
  ];
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function sitemapXml(site: SiteData): string {
  const laatst = new Map<string, string>([
    ...site.kaart.organisaties.map((o) => [`/organisaties/${o.slug}/`, o.gewijzigdOp.slice(0, 10)] as const),
    ...site.kaart.activiteiten.map((a) => [`/aanbod/${a.slug}/`, a.gewijzigdOp.slice(0, 10)] as const),
  ]);
  const urls = publiekePaden(site)
    .map((pad) => {
      const lastmod = laatst.get(pad);
      return `  <url><loc>${xmlEscape(new URL(pad, site.config.url).href)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}
