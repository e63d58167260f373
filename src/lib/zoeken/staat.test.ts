import { describe, expect, it } from 'vitest';
import { aantalFilters, leesStaat, staatNaarZoekdeel, zonder } from './staat.ts';

describe('zoekstaat in de URL', () => {
  it('reads query and filters, and writes them back in a fixed order', () => {
    const staat = leesStaat(new URLSearchParams('thema=geldzaken&q=schulden+den+ham&kern=den-ham&onbekend=x'));
    expect(staat).toEqual({ q: 'schulden den ham', filters: { kern: 'den-ham', thema: 'geldzaken' } });
    expect(staatNaarZoekdeel(staat)).toBe('?q=schulden+den+ham&kern=den-ham&thema=geldzaken');
    expect(aantalFilters(staat)).toBe(2);
  });

  it('ignores malformed values and leaves out empty ones', () => {
    const staat = leesStaat(new URLSearchParams('q=&kern=<script>&dag=di&gratis='));
    expect(staat).toEqual({ q: '', filters: { dag: 'di' } });
    expect(staatNaarZoekdeel({ q: '  ', filters: {} })).toBe('');
  });

  it('drops a filter for "ook in andere kernen"', () => {
    const staat = { q: 'bingo', filters: { kern: 'vroomshoop', gratis: 'ja' } };
    expect(staatNaarZoekdeel(zonder(staat, 'kern'))).toBe('?q=bingo&gratis=ja');
    expect(staat.filters.kern).toBe('vroomshoop');
  });
});
