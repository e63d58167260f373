import type { Map as MlMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { KaartPlek } from '../../lib/kaart/plekken.ts';
import { maakKaart } from './kaart.ts';
import type { KaartInstellingen } from './lezen.ts';

type Props = {
  sectie: HTMLElement;
  instellingen: KaartInstellingen;
  plekken: KaartPlek[];
  /** Move focus into the map once it is there (the user pressed "Toon de kaart"). */
  focus: boolean;
};

/** The map island: a MapLibre map with keyboard help and a status line for screen readers. */
export default function KaartEiland({ sectie, instellingen, plekken, focus }: Props) {
  const vlak = useRef<HTMLDivElement>(null);
  const [melding, setMelding] = useState('De kaart wordt geladen.');
  const [mislukt, setMislukt] = useState(false);

  useEffect(() => {
    let kaart: MlMap | undefined;
    let weg = false;
    maakKaart(vlak.current!, sectie, instellingen, plekken)
      .then((k) => {
        if (weg) return k.remove();
        kaart = k;
        setMelding(`De kaart is geladen met ${plekken.length === 1 ? '1 plek' : `${plekken.length} plekken`}.`);
        if (focus) k.getCanvas().focus();
      })
      .catch((e: unknown) => {
        console.warn('Kaart kon niet laden', e);
        setMislukt(true);
        setMelding('De kaart kan hier niet worden getoond. Alle plekken staan in de lijst hieronder.');
      });
    return () => {
      weg = true;
      kaart?.remove();
    };
  }, []);

  return (
    <>
      {!mislukt && <div ref={vlak} className="sk-kaart__kaart" />}
      {!mislukt && (
        <p className="nl-paragraph sk-meta">
          Verschuif de kaart met de pijltjestoetsen en zoom met + en -. Met Tab gaat u langs de plekken; Enter opent een
          plek, Escape sluit hem weer.
        </p>
      )}
      <p className={mislukt ? 'nl-paragraph' : 'sk-visually-hidden'} role="status">
        {melding}
      </p>
    </>
  );
}
