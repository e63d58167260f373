import { describe, expect, it } from 'vitest';
import { rfcCsvDelen } from '../csv.ts';
import { jsonInDelen, stroomAntwoord } from '../stroom.ts';
import { jsonPagina, pagina } from './bestanden.ts';

const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `dienst-${i}`,
    name: i % 3 === 0 ? 'Koffie & "praten" in Vriezenveen' : `Dienst ${i}`,
    leeg: undefined,
    lijst: [i, null, 'é€😀'],
  }));

describe('the HSDS files in parts', () => {
  it.each([0, 1, 499, 500, 501, 1234])('write %i items byte for byte as one JSON.stringify of the page', (n) => {
    const delen = [...jsonPagina(items(n))];
    expect(delen.join('')).toBe(`${JSON.stringify(pagina(items(n)))}\n`);
    expect(delen.length).toBe(2 + Math.ceil(n / 500));
  });

  it.each([0, 1, 999, 1000, 2500])('write a table of %i rows as one CSV would be', (n) => {
    const rijen = items(n).map((r) => ({ id: r.id, name: r.name }));
    const regels = [
      'id,name',
      ...rijen.map((r) => `${r.id},${r.name.includes('"') ? `"${r.name.replaceAll('"', '""')}"` : r.name}`),
    ];
    expect([...rfcCsvDelen(['id', 'name'], rijen)].join('')).toBe(`${regels.join('\r\n')}\r\n`);
  });

  it('answer a download as UTF-8 in the order of its parts', async () => {
    const antwoord = stroomAntwoord(['{"a":', '"é€😀"', '}\n'], 'application/json; charset=utf-8');
    expect(antwoord.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await antwoord.text()).toBe('{"a":"é€😀"}\n');
  });
});

describe('jsonInDelen', () => {
  it.each([
    ['an empty object', {}],
    ['plain values', { a: 1, b: 'tekst\nmet "regel"', c: null, d: true }],
    ['undefined and functions left out', { a: undefined, b: () => 1, c: 2 }],
    ['only left-out values', { a: undefined }],
    ['empty and filled lists', { leeg: [], lijst: [1, 'twee', null, undefined, { x: [1, { y: [] }] }] }],
    ['nested objects in a list', { items: items(7), kernen: [{ slug: 'vroomshoop', lat: 52.46 }] }],
    ['a value with toJSON', { datum: new Date('2026-12-04T12:00:00Z'), lijst: [new Date(0)] }],
  ])('writes %s as JSON.stringify(…, null, 1) does', (_naam, object) => {
    expect([...jsonInDelen(object as Record<string, unknown>)].join('')).toBe(JSON.stringify(object, null, 1));
  });
});
