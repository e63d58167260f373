import { describe, expect, it } from 'vitest';
import { csvCel, naarCsv } from './csv.ts';

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
