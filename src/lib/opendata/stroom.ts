/**
 * A download answered in parts (UTF-8), as they are made: the renderer writes it to disk without
 * one string of the whole file in memory (at 20,000 records services.json is 52 MB).
 */
export function stroomAntwoord(delen: Iterable<string>, type: string): Response {
  const encoder = new TextEncoder();
  const volgende = delen[Symbol.iterator]();
  const body = new ReadableStream<Uint8Array>({
    pull(stroom) {
      const deel = volgende.next();
      if (deel.done) stroom.close();
      else stroom.enqueue(encoder.encode(deel.value));
    },
  });
  return new Response(body, { headers: { 'Content-Type': type } });
}

/**
 * JSON.stringify(object, null, 1) in parts, byte for byte: each element of a list property on its
 * own, so a file of 22 MB is never one string. JSON text has no raw line breaks inside strings, so
 * an element's lines are indented by replacing its line breaks.
 */
export function* jsonInDelen(object: Record<string, unknown>): Generator<string> {
  const ingesprongen = (waarde: unknown, diepte: number) =>
    (JSON.stringify(waarde, null, 1) ?? 'null').replaceAll('\n', `\n${' '.repeat(diepte)}`);
  const velden = Object.entries(object).filter(([, v]) => JSON.stringify(v) !== undefined);
  if (velden.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (const [i, [sleutel, waarde]] of velden.entries()) {
    const kop = `${i > 0 ? ',' : ''}\n ${JSON.stringify(sleutel)}: `;
    if (!Array.isArray(waarde) || waarde.length === 0) {
      yield kop + ingesprongen(waarde, 1);
      continue;
    }
    yield `${kop}[`;
    for (const [j, element] of waarde.entries()) yield `${j > 0 ? ',' : ''}\n  ${ingesprongen(element, 2)}`;
    yield '\n ]';
  }
  yield '\n}';
}
