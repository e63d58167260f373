import { createRoot } from 'react-dom/client';
import KaartEiland from './KaartEiland.tsx';
import { leesInstellingen, leesPlekken } from './lezen.ts';

/** Mounts the map island in `doel`, with the places from the list in `sectie`. */
export function toonKaart(sectie: HTMLElement, doel: HTMLElement, focus: boolean): void {
  createRoot(doel).render(<KaartEiland sectie={sectie} instellingen={leesInstellingen(sectie)} plekken={leesPlekken(sectie)} focus={focus} />);
}
