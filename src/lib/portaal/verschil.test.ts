import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { verschillen, woordVerschil } from './verschil.ts';

const config = loadConfig();

describe('differences for the reviewer', () => {
  it('marks only the changed words of a long text', () => {
    const r = woordVerschil(
      'Elke dinsdag koffie in het dorpshuis, voor iedereen.',
      'Elke woensdag koffie in het dorpshuis, voor iedereen.',
    );
    expect(r.oud).toEqual([
      { tekst: 'Elke ', anders: false },
      { tekst: 'dinsdag ', anders: true },
      { tekst: 'koffie in het dorpshuis, voor iedereen.', anders: false },
    ]);
    expect(r.nieuw.filter((d) => d.anders).map((d) => d.tekst)).toEqual(['woensdag ']);
    expect(r.nieuw.map((d) => d.tekst).join('')).toBe('Elke woensdag koffie in het dorpshuis, voor iedereen.');
  });

  it('does not see a new order of themas as a change, and says the status in plain words', () => {
    const [a, b] = config.themas;
    expect(verschillen(config, 'activiteit', { themas: [a.slug, b.slug] }, { themas: [b.slug, a.slug] })).toEqual([]);
    expect(verschillen(config, 'activiteit', { status: 'gepubliceerd' }, { status: 'gepauzeerd' })).toEqual([
      { veld: 'status', label: 'Op de sociale kaart', oud: 'Staat op de kaart', nieuw: 'Tijdelijk gestopt (pauze)' },
    ]);
    // A new activity shows its fields, not "(leeg) → gepubliceerd".
    expect(verschillen(config, 'activiteit', null, { titel: 'Nieuw', status: 'gepubliceerd' }).map((v) => v.veld)).not.toContain(
      'status',
    );
  });
});
