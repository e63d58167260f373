import { describe, expect, it } from 'vitest';
import { csvCel, leesCsv, naarCsv, naarRfcCsv, raadScheiding } from './csv.ts';

describe('csv', () => {
  it('quotes separators, quotes and newlines', () => {
    expect(csvCel('a;b')).toBe('"a;b"');
    expect(csvCel('zeg "hoi"')).toBe('"zeg ""hoi"""');
    expect(csvCel('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCel(['ouderen', 'iedereen'])).toBe('"ouderen, iedereen"');
  });

  it('defuses cells that Excel would run as a formula', () => {
    expect(csvCel('=HYPERLINK("http://x.example")')).toBe('"\'=HYPERLINK(""http://x.example"")"');
    expect(csvCel('+31 546')).toBe("'+31 546");
    expect(csvCel('-1')).toBe("'-1");
    expect(csvCel('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCel(12)).toBe('12');
  });

  it('writes a BOM, a header and CRLF rows', () => {
    expect(naarCsv(['a', 'b'], [{ a: 1, b: 'x' }, { a: 2 }])).toBe('\uFEFFa;b\r\n1;x\r\n2;\r\n');
  });
});

describe('leesCsv', () => {
  it('reads what Excel saves: BOM, semicolons, CRLF, quotes and newlines inside a cell', () => {
    const t = leesCsv('\uFEFFnaam;omschrijving\r\n"De ""Linde""";"regel 1\r\nregel 2"\r\n\r\nx;y\r\n');
    expect(t.scheiding).toBe(';');
    expect(t.kolommen).toEqual(['naam', 'omschrijving']);
    expect(t.records).toEqual([
      { rij: 2, cellen: ['De "Linde"', 'regel 1\r\nregel 2'] },
      { rij: 4, cellen: ['x', 'y'] },
    ]);
  });

  it('detects commas and tabs, and reads a last line without newline', () => {
    expect(leesCsv('a,b\n1,"2,5"').records).toEqual([{ rij: 2, cellen: ['1', '2,5'] }]);
    expect(leesCsv('a\tb\n1\t2\n').scheiding).toBe('\t');
    expect(raadScheiding('"a;b",c,d\n')).toBe(',');
  });

  it('writes RFC 4180 without BOM and without changing values', () => {
    const tekst = naarRfcCsv(['a', 'b'], [{ a: '+31 546', b: 'x,"y"' }, { a: 2.5 }]);
    expect(tekst).toBe('a,b\r\n+31 546,"x,""y"""\r\n2.5,\r\n');
    expect(leesCsv(tekst).records.map((r) => r.cellen)).toEqual([
      ['+31 546', 'x,"y"'],
      ['2.5', ''],
    ]);
  });
});
