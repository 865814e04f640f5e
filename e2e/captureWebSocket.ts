import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * A WebSocket endpoint that only records what clients send: the server a stranger's link
 * could name, to see what a browser would hand it. It greets like a NATS server (an INFO
 * line asking for auth) so the client sends its CONNECT, and answers nothing else. Not a
 * broker: tests that use it claim nothing about NATS working, only about what leaves.
 */
export interface CapturedSocket {
  url: string;
  /** Every text frame received, unmasked. */
  frames: string[];
  close(): Promise<void>;
}

export async function captureWebSocket(port: number): Promise<CapturedSocket> {
  const frames: string[] = [];
  // Upgraded sockets leave the server's books: closing it would wait for them forever.
  const sockets = new Set<Duplex>();
  const server: Server = createServer((_req, res) => res.end());
  server.on('upgrade', (req, socket: Duplex) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    const info = Buffer.from('INFO {"server_id":"CAPTURE","version":"2.10.0","proto":1,"headers":true,"max_payload":1048576,"auth_required":true}\r\n');
    socket.write(Buffer.concat([Buffer.from([0x82, info.length]), info]));
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      // Client frames are masked; lengths up to 64 KiB are enough for a CONNECT.
      while (pending.length >= 6) {
        let len = pending[1]! & 0x7f;
        let at = 2;
        if (len === 126) {
          len = pending.readUInt16BE(2);
          at = 4;
        }
        if (pending.length < at + 4 + len) break;
        const mask = pending.subarray(at, at + 4);
        const body = Buffer.from(pending.subarray(at + 4, at + 4 + len).map((b, i) => b ^ mask[i % 4]!));
        frames.push(body.toString('utf8'));
        pending = pending.subarray(at + 4 + len);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${port}`,
    frames,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
