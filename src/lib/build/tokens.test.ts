import { describe, expect, it } from 'vitest';
import { snoeiTokens, varVerwijzingen } from './tokens.ts';

describe('snoeiTokens', () => {
  const tokens = `/* gegenereerd */
.thema {
  --a: var(--b);
  --b: #fff;
  --c: var(--d, 1px);
  --d: 2px;
  --ongebruikt: red;
  --e: calc(var(--f) * 2);
  --f: 3px
}
.thema:focus { --g: 1px; }`;

  it('keeps used properties and what they refer to, drops the rest', () => {
    const uit = snoeiTokens(tokens, ['--a', '--e']);
    expect(uit).toContain('--a: var(--b);');
    expect(uit).toContain('--b: #fff;');
    expect(uit).toContain('--e: calc(var(--f) * 2);');
    expect(uit).toContain('--f: 3px');
    expect(uit).not.toMatch(/--c:|--d:|--ongebruikt|--g:|gegenereerd/);
    expect(uit).toMatch(/\.thema:focus \{\s*\}/);
  });

  it('keeps data URLs with semicolons intact', () => {
    const css = `.t { --icoon: url("data:image/svg+xml;utf8,<svg viewBox='0 0 1 1'><path d='M0 0'/></svg>"); --weg: 1px; }`;
    expect(snoeiTokens(css, ['--icoon']).replace(/\s+}/, ' }')).toBe(
      `.t { --icoon: url("data:image/svg+xml;utf8,<svg viewBox='0 0 1 1'><path d='M0 0'/></svg>"); }`,
    );
  });

  it('follows fallbacks inside var()', () => {
    expect(snoeiTokens(tokens, ['--c'])).toContain('--d: 2px;');
  });

  it('finds var() references in any text', () => {
    expect([...varVerwijzingen('color: var(--x); margin: var( --y , 0)')]).toEqual(['--x', '--y']);
  });
});

describe('a gemeente’s own colours on top of the voorbeeld tokens', () => {
  it('keeps the later declaration, so it wins in the cascade', () => {
    const css = `.voorbeeld-theme { --kleur: var(--paars); --paars: #5115ef; --groen: #105f26; }\n.voorbeeld-theme { --kleur: var(--groen); }`;
    const uit = snoeiTokens(css, ['--kleur']);
    expect(uit.indexOf('--kleur: var(--paars)')).toBeLessThan(uit.indexOf('--kleur: var(--groen)'));
    expect(uit).toContain('--groen: #105f26');
  });
});
