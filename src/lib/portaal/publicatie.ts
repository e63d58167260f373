import type { Publiceerder } from './publiceren.ts';

/**
 * What a domain action needs of the publisher: asking for a new public release. Every action that
 * changes what the public site shows takes one and asks for the release itself, so a page cannot
 * save a change and forget to publish it. Pages pass the portal's publisher (`Portaal.publiceren`).
 */
export type Publiceren = Pick<Publiceerder, 'vraagAan'>;
