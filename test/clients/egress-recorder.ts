/**
 * A forward proxy on 127.0.0.1 that a program gets as HTTP(S)_PROXY, so that every connection it
 * tries beyond loopback is seen: `hosts` lists them. Only the hosts it is told to allow (the npm
 * registry, for a program that installs the provider itself) are tunnelled; all others get 403.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export type EgressRecorder = { url: string; hosts: string[]; close(): Promise<void> };

export async function startEgressRecorder(allowedHosts: string[]): Promise<EgressRecorder> {
  const hosts: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    // A plain-HTTP request through a proxy names the absolute URL.
    hosts.push(new URL(request.url ?? '', 'http://unknown').host);
    response.writeHead(403).end('egress refused by the test');
  });
  server.on('connect', (request, clientSocket: Socket, head) => {
    const target = request.url ?? '';
    hosts.push(target);
    const [host, port] = target.split(':');
    if (!allowedHosts.includes(host)) {
      clientSocket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port || 443), host, () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    for (const socket of [upstream, clientSocket]) {
      sockets.add(socket);
      socket.on('error', () => {
        upstream.destroy();
        clientSocket.destroy();
      });
      socket.on('close', () => sockets.delete(socket));
    }
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hosts,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
