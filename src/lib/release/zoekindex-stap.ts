/**
 * Build step (own process, like astro and render): the search index of a large release, in parts
 * (zoekindex.ts). Gets its opdracht through the file named as argument, which it removes.
 */
import { readFileSync, rmSync } from 'node:fs';
import { maakZoekindex, type ZoekindexOpdracht } from './zoekindex.ts';

const bestand = process.argv[2];
if (!bestand) throw new Error('Gebruik: zoekindex-stap.ts <opdracht.json>');
const opdracht = JSON.parse(readFileSync(bestand, 'utf8')) as ZoekindexOpdracht;
rmSync(bestand, { force: true });
const start = performance.now();
const { delen, opnieuw } = await maakZoekindex(opdracht.doel, opdracht);
const seconden = ((performance.now() - start) / 1000).toFixed(1);
console.log(`Zoekindex in ${delen} delen, ${opnieuw} opnieuw gemaakt in ${seconden} s.`);
