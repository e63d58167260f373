import type { z } from 'zod';

/**
 * Form values by field name. Field names are the dotted zod paths of the data ("rooster.regels.0.van"),
 * so a validation issue lands at its field without a mapping table.
 */
export type Velden = Map<string, string[]>;

export function leesFormulier(fd: FormData | [string, string][]): Velden {
  const velden: Velden = new Map();
  const paren = Array.isArray(fd) ? fd : [...fd.entries()];
  for (const [naam, waarde] of paren) {
    if (typeof waarde !== 'string') continue;
    const lijst = velden.get(naam) ?? [];
    lijst.push(waarde);
    velden.set(naam, lijst);
  }
  return velden;
}

export function waarde(v: Velden, naam: string): string {
  return v.get(naam)?.[0] ?? '';
}

export function waarden(v: Velden, naam: string): string[] {
  return (v.get(naam) ?? []).filter((w) => w !== '');
}

/** Undefined for an empty field, so optional values stay absent instead of "". */
export function optioneel(v: Velden, naam: string): string | undefined {
  const w = waarde(v, naam);
  return w.trim() === '' ? undefined : w;
}

export type Fouten = Record<string, string>;

/**
 * First message per field; `hernoem` maps data paths to the field that shows them, either
 * exactly or as a pattern ("rooster.nietOp.*" for every item of a list typed in one field).
 */
export function foutenPerVeld(issues: z.core.$ZodIssue[], hernoem: Record<string, string> = {}): Fouten {
  const fouten: Fouten = {};
  const patronen = Object.entries(hernoem)
    .filter(([k]) => k.includes('*'))
    .map(([k, v]) => [new RegExp(`^${k.replace(/\./g, '\\.').replace(/\*/g, '(\\d+)')}$`), v] as const);
  for (const issue of issues) {
    const pad = issue.path.map(String).join('.');
    const patroon = patronen.find(([re]) => re.test(pad));
    const veld = hernoem[pad] ?? (patroon ? pad.replace(patroon[0], patroon[1]) : pad);
    fouten[veld] ??= issue.message;
  }
  return fouten;
}

/** Values of an object as form fields again (for the first render of an edit form). */
export function alsVelden(data: unknown, voorvoegsel = ''): Velden {
  const velden: Velden = new Map();
  const loop = (w: unknown, pad: string) => {
    if (w === undefined || w === null) return;
    if (Array.isArray(w)) {
      if (w.every((x) => typeof x !== 'object' || x === null)) velden.set(pad, w.map(String));
      else
        w.forEach((x, i) => {
          loop(x, `${pad}.${i}`);
        });
    } else if (typeof w === 'object') {
      for (const [k, x] of Object.entries(w)) loop(x, pad ? `${pad}.${k}` : k);
    } else velden.set(pad, [String(w)]);
  };
  loop(data, voorvoegsel);
  return velden;
}
