/**
 * A loopback OTLP/HTTP trace receiver standing in for Weave's collector: real sockets, the
 * exporter's real protobuf bytes, decoded with protobufjs and OTLP's own message definitions
 * (`otlp-trace.proto`). Each test reads the decoded spans and the raw requests.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const root = protobuf.loadSync(fileURLToPath(new URL('./otlp-trace.proto', import.meta.url)));
const ExportTraceServiceRequest = root.lookupType('otlp.ExportTraceServiceRequest');

export type AttributeValue = string | number | boolean | AttributeValue[] | null;
export type Attributes = Record<string, AttributeValue>;

export type ReceivedSpan = {
  name: string;
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  /** Nanoseconds since the epoch (as a double: good enough to order siblings). */
  startTime: number;
  attributes: Attributes;
  events: Array<{ name: string; attributes: Attributes }>;
  status: { code: number; message: string };
  /** The resource of the batch the span came in. */
  resource: Attributes;
  scope: { name: string; version: string };
};

export type ReceivedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The request body exactly as it arrived. */
  body: Buffer;
};

/** How the receiver answers: 200, another status, or holding the request until `release()`. */
export type ReceiverMode = { type: 'ok' } | { type: 'status'; status: number } | { type: 'hold' };

export type OtlpReceiver = {
  /** e.g. `http://127.0.0.1:41234`, the `baseURL` of the tracing options. */
  baseURL: string;
  requests: ReceivedRequest[];
  spans(): ReceivedSpan[];
  setMode(mode: ReceiverMode): void;
  /** Resolves when `count` requests have arrived (counting from the start). */
  requestsArrived(count: number): Promise<void>;
  /** Answers the held requests with 200. */
  release(): void;
  close(): Promise<void>;
};

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const requests: ReceivedRequest[] = [];
  const held: ServerResponse[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const sockets = new Set<Socket>();
  let mode: ReceiverMode = { type: 'ok' };

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const piece of request) chunks.push(piece as Buffer);
    requests.push({
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      body: Buffer.concat(chunks),
    });
    for (const waiter of waiters.filter(w => requests.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    switch (mode.type) {
      case 'ok':
        answer(response, 200);
        break;
      case 'status':
        answer(response, mode.status);
        break;
      case 'hold':
        held.push(response);
        break;
    }
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    spans: () =>
      requests.filter(r => r.path.endsWith('/otel/v1/traces')).flatMap(r => decodeSpans(r.body)),
    setMode: next => {
      mode = next;
    },
    requestsArrived: count =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise(resolve => waiters.push({ count, resolve })),
    release: () => {
      for (const response of held.splice(0)) answer(response, 200);
    },
    close: async () => {
      for (const response of held.splice(0)) answer(response, 200);
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

function answer(response: ServerResponse, status: number): void {
  // An empty ExportTraceServiceResponse is a valid protobuf answer (zero bytes).
  response.writeHead(status, { 'content-type': 'application/x-protobuf' });
  response.end(status === 200 ? '' : 'collector failure');
}

/** Decodes one ExportTraceServiceRequest body into flat spans. */
export function decodeSpans(body: Uint8Array): ReceivedSpan[] {
  const decoded = ExportTraceServiceRequest.toObject(ExportTraceServiceRequest.decode(body), {
    longs: Number,
    bytes: Buffer,
    defaults: true,
    oneofs: false,
  }) as any;
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of decoded.resourceSpans) {
    const resource = attributesOf(resourceSpans.resource?.attributes ?? []);
    for (const scopeSpans of resourceSpans.scopeSpans) {
      for (const span of scopeSpans.spans) {
        spans.push({
          name: span.name,
          traceId: hex(span.traceId),
          spanId: hex(span.spanId),
          parentSpanId: hex(span.parentSpanId),
          startTime: Number(span.startTimeUnixNano),
          attributes: attributesOf(span.attributes),
          events: span.events.map((event: any) => ({
            name: event.name,
            attributes: attributesOf(event.attributes),
          })),
          status: { code: span.status?.code ?? 0, message: span.status?.message ?? '' },
          resource,
          scope: { name: scopeSpans.scope?.name ?? '', version: scopeSpans.scope?.version ?? '' },
        });
      }
    }
  }
  return spans;
}

function hex(bytes: Buffer | undefined): string {
  return bytes == null ? '' : Buffer.from(bytes).toString('hex');
}

function attributesOf(keyValues: Array<{ key: string; value?: any }>): Attributes {
  return Object.fromEntries(keyValues.map(({ key, value }) => [key, decodeAnyValue(value)]));
}

function decodeAnyValue(value: any): AttributeValue {
  if (value == null) return null;
  if (value.stringValue != null) return value.stringValue;
  if (value.boolValue != null) return value.boolValue;
  if (value.intValue != null) return Number(value.intValue);
  if (value.doubleValue != null) return value.doubleValue;
  if (value.arrayValue != null) return (value.arrayValue.values ?? []).map(decodeAnyValue);
  return null;
}

export type SpanNode = ReceivedSpan & { children: SpanNode[] };

/** The spans as trees (roots are spans whose parent is not among them), children in start order. */
export function spanTrees(spans: ReceivedSpan[]): SpanNode[] {
  const nodes = new Map(spans.map(span => [span.spanId, { ...span, children: [] as SpanNode[] }]));
  const roots: SpanNode[] = [];
  for (const node of nodes.values()) {
    const parent = nodes.get(node.parentSpanId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  for (const node of nodes.values()) node.children.sort((a, b) => a.startTime - b.startTime);
  return roots.sort((a, b) => a.startTime - b.startTime);
}

/** Names as an indented outline, e.g. for `toEqual` and for printing. */
export function outline(nodes: SpanNode[], depth = 0): string[] {
  return nodes.flatMap(node => [
    `${'  '.repeat(depth)}${node.name}`,
    ...outline(node.children, depth + 1),
  ]);
}
