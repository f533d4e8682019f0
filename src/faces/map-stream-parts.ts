/**
 * Re-emits `stream` through `map` in one `TransformStream` stage, after `leading` (parts already
 * read from `stream`). Parts that `map` turns into `undefined` are dropped; a TransformStream
 * keeps reading after a drop, so an older `ai` never waits on a part that was not passed on (a
 * hand-written `pull` that drops without enqueuing would stall). Cancelling the result cancels
 * `stream`, which ends the HTTP request.
 */
export function mapStreamParts<From, To>(
  stream: ReadableStream<From>,
  map: (part: From) => To | undefined,
  leading: From[] = [],
): ReadableStream<To> {
  const enqueueMapped = (part: From, controller: TransformStreamDefaultController<To>) => {
    const mapped = map(part);
    if (mapped !== undefined) controller.enqueue(mapped);
  };
  return stream.pipeThrough(
    new TransformStream<From, To>({
      start(controller) {
        for (const part of leading) enqueueMapped(part, controller);
      },
      transform: enqueueMapped,
    }),
  );
}
