// Starting the pieces of a deployment on this machine: production instances of the product
// and nginx with the configuration in deploy/nginx. Used by the topology test and the benchmark.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const NGINX = "/usr/sbin/nginx";
/** Where deploy/nginx/de-an-06.conf listens. */
export const BALANCER = "http://127.0.0.1:8080";

export type Launched = { child: ChildProcess; output: () => string };

export function launch(command: string, args: string[], env: Record<string, string> = {}): Launched {
  let output = "";
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, output: () => output };
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, output?: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms\n${output?.() ?? ""}`);
}

export const isReady = (base: string) => async () => (await fetch(`${base}/api/v1/ready`)).status === 200;

/** The product as `npm start` runs it in production (DATABASE_URL set), once /api/v1/ready says 200. */
export async function startInstance(port: number, env: Record<string, string>): Promise<Launched> {
  const instance = launch(process.execPath, [...SERVER_NODE_ARGS, "scripts/start.ts"], { ...env, PORT: String(port) });
  await waitFor(`instance on port ${port} ready`, isReady(`http://127.0.0.1:${port}`), 120_000, instance.output);
  return instance;
}

/** An upstream block (as in deploy/nginx/upstream.local.conf) for instances on these ports. */
export function writeUpstream(dir: string, ports: number[]): string {
  const file = path.join(dir, "upstream.conf");
  const servers = ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n");
  writeFileSync(file, `upstream de_an_06 {\n${servers}\n    keepalive 32;\n}\n`);
  return file;
}

/** Debian's nginx in the foreground with `upstreamFile` and deploy/nginx/de-an-06.conf, its files in `dir`. */
export async function startBalancer(dir: string, upstreamFile: string): Promise<Launched> {
  mkdirSync(dir, { recursive: true, mode: 0o777 });
  writeFileSync(
    path.join(dir, "nginx.conf"),
    `${process.getuid?.() === 0 ? "user root;\n" : ""}pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events {}
http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${upstreamFile};
    include ${ROOT}/deploy/nginx/de-an-06.conf;
}
`,
  );
  const nginx = launch(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"]);
  // Ours answering, not another nginx left on the port: that one would make ours exit at once.
  await waitFor(
    "nginx",
    async () => nginx.child.exitCode === null && (await fetch(`${BALANCER}/nginx-health`)).ok,
    10_000,
    nginx.output,
  );
  await new Promise((r) => setTimeout(r, 200));
  if (nginx.child.exitCode !== null) throw new Error(`nginx exited:\n${nginx.output()}`);
  return nginx;
}

/**
 * Stops a launched process with `signal` and waits until it has exited. nginx needs SIGTERM or
 * SIGQUIT (its master then stops its workers); after SIGKILL the workers keep the port.
 */
export async function stopLaunched(launched: Launched | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  const child = launched?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await exited;
}
