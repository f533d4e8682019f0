/**
 * Counts the spans in an OTLP/HTTP protobuf trace request (`ExportTraceServiceRequest`), for the
 * emulator's Weave endpoint. A few lines of protobuf wire format instead of a protobuf library in
 * the shipped emulator: only three nested length-delimited fields are walked
 * (resource_spans = 1 → scope_spans = 2 → spans = 2), as numbered in opentelemetry-proto's
 * trace.proto and trace_service.proto.
 */
export function countOtlpSpans(body: Uint8Array): number {
  let spans = 0;
  for (const resourceSpans of fieldsOf(body, 1)) {
    for (const scopeSpans of fieldsOf(resourceSpans, 2)) spans += fieldsOf(scopeSpans, 2).length;
  }
  return spans;
}

/** The length-delimited values of field `wanted` in `message`; other fields are skipped. */
function fieldsOf(message: Uint8Array, wanted: number): Uint8Array[] {
  const found: Uint8Array[] = [];
  let offset = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (offset >= message.length || shift > 49) throw new Error('malformed OTLP protobuf');
      const byte = message[offset++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (offset < message.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    switch (key & 7) {
      case 0: // varint
        varint();
        break;
      case 1: // fixed64
        offset += 8;
        break;
      case 2: {
        const length = varint();
        if (offset + length > message.length) throw new Error('malformed OTLP protobuf');
        if (field === wanted) found.push(message.subarray(offset, offset + length));
        offset += length;
        break;
      }
      case 5: // fixed32
        offset += 4;
        break;
      default:
        throw new Error('malformed OTLP protobuf');
    }
  }
  if (offset !== message.length) throw new Error('malformed OTLP protobuf');
  return found;
}
