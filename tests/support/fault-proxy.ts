// A TCP proxy in front of PostgreSQL that a fault test can cut, for outages that hit only the
// test's own connections (the shared server itself is never stopped). It reads the server's
// replies just enough to see each command complete, so a test can act at an exact moment:
// "right after the acceptance's COMMIT", "right after the run was claimed".
import net from "node:net";

/** What to do with the reply that fired a trigger. */
export type TriggerAction =
  /** Forward it, then take the database down (as if PostgreSQL stopped right after replying). */
  | "forward-then-down"
  /** Keep it from the client and freeze its connections (the client is about to be killed). */
  | "hold";

export interface CommandTrigger {
  /** Called with each completed command's tag ("COMMIT", "UPDATE 1", …) in order; true fires. */
  match: (tag: string) => boolean;
  action: TriggerAction;
}

export interface FaultProxy {
  port: number;
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  urlFor(databaseUrl: string): string;
  /** Stops listening and drops every connection: clients see ECONNREFUSED / a terminated connection. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /** Fires once, at the first completed command the trigger matches; resolves when it has. */
  arm(trigger: CommandTrigger): Promise<string>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  const sockets = new Set<net.Socket>();
  let armed: { trigger: CommandTrigger; fire: (tag: string) => void } | null = null;
  let port = 0;

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    // Without this, Nagle's algorithm and delayed ACKs add ~40 ms to every round trip.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    let pending = Buffer.alloc(0);
    let frozen = false;
    upstream.on("data", (chunk: Buffer) => {
      if (frozen) return;
      // Backend messages after start-up: a type byte, then an int32 length that counts itself.
      pending = Buffer.concat([pending, chunk]);
      let fired: CommandTrigger | null = null;
      let tagFired = "";
      while (pending.length >= 5 && pending.length >= 1 + pending.readInt32BE(1)) {
        const length = pending.readInt32BE(1);
        if (pending[0] === 0x43 /* 'C' CommandComplete */ && armed && !fired) {
          const tag = pending.subarray(5, 1 + length - 1).toString("utf8");
          if (armed.trigger.match(tag)) {
            fired = armed.trigger;
            tagFired = tag;
          }
        }
        pending = pending.subarray(1 + length);
      }
      if (!fired || !armed) return void client.write(chunk);
      const { fire } = armed;
      armed = null;
      if (fired.action === "hold") {
        frozen = true;
        client.pause();
        upstream.pause();
        fire(tagFired);
        return;
      }
      client.write(chunk, () => {
        void proxy.down().then(() => fire(tagFired));
      });
    });
  });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();

  const proxy: FaultProxy = {
    get port() {
      return port;
    },
    urlFor(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    async down() {
      const closed = server.listening
        ? new Promise<void>((resolve) => server.close(() => resolve()))
        : Promise.resolve();
      for (const s of sockets) s.destroy();
      sockets.clear();
      await closed;
    },
    async up() {
      if (!server.listening) await listen();
    },
    arm(trigger) {
      return new Promise<string>((resolve) => {
        armed = { trigger, fire: resolve };
      });
    },
    async close() {
      armed = null;
      await proxy.down();
    },
  };
  return proxy;
}
