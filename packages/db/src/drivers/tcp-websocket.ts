/** The part of a `cloudflare:sockets` Socket a database connection uses. */
export interface TcpSocket {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
  readonly opened: Promise<unknown>;
  close(): Promise<void>;
}

/** `connect` from `cloudflare:sockets`, handed in by the Workers entry (no other runtime has that module). */
export type TcpConnect = (address: { hostname: string; port: number }) => TcpSocket;

type Listener = (event: { data?: unknown; error?: unknown }) => void;
type EventName = 'open' | 'message' | 'error' | 'close';

/**
 * A TCP socket wearing the WebSocket interface Neon's driver speaks to its proxy through (binaryType, the four events,
 * send, close), so the same driver — its wire protocol, its Pool, drizzle on top — talks straight to a pooler that
 * listens on TCP: Hyperdrive's address in Workers, PgBouncer in the tests. The driver asks for `ws://host:port` (the
 * `wsProxy` set in neon.ts). No WebSocket handshake or framing, and no proxy process in between.
 */
export function tcpAsWebSocket(connect: TcpConnect) {
  return class TcpWebSocket {
    binaryType = 'arraybuffer';
    /** WebSocket's numbering: 0 connecting, 1 open, 3 closed. */
    readyState = 0;
    readonly #listeners: Record<EventName, Listener[]> = { open: [], message: [], error: [], close: [] };
    readonly #socket: TcpSocket;
    readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
    #closed = false;

    constructor(url: string) {
      const { hostname, port } = new URL(url);
      this.#socket = connect({ hostname, port: Number(port) || 5432 });
      this.#writer = this.#socket.writable.getWriter();
      this.#socket.opened
        .then(() => {
          this.readyState = 1;
          this.#emit('open', {});
          return this.#readAll();
        })
        // A read that fails because this side closed the socket is the close, not an error.
        .catch((error: unknown) => this.#closed || this.#emit('error', { error }))
        .finally(() => this.#end());
    }

    addEventListener(name: EventName, listener: Listener) {
      this.#listeners[name].push(listener);
    }

    send(data: Uint8Array) {
      this.#writer.write(data).catch((error: unknown) => {
        this.#emit('error', { error });
        this.#end();
      });
    }

    close() {
      this.#end();
    }

    async #readAll() {
      const reader = this.#socket.readable.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done || this.#closed) return;
        this.#emit('message', { data: value });
      }
    }

    #emit(name: EventName, event: { data?: unknown; error?: unknown }) {
      for (const listener of this.#listeners[name]) listener(event);
    }

    #end() {
      if (this.#closed) return;
      this.#closed = true;
      this.readyState = 3;
      this.#socket.close().catch(() => {});
      this.#emit('close', {});
    }
  };
}
