import "server-only";

// What the serving process knows about itself, shared between the start script and the
// route handlers Next bundles separately (one process, two copies of this module): so it
// lives on globalThis, not in a module variable.
type Lifecycle = { draining: boolean; expectedMigrations: string[] | null };
const store = globalThis as unknown as { __deAn06Lifecycle?: Lifecycle };
const lifecycle = (): Lifecycle => {
  store.__deAn06Lifecycle ??= { draining: false, expectedMigrations: null };
  return store.__deAn06Lifecycle;
};

/** From SIGTERM on: the readiness check answers 503 while in-flight requests finish. */
export function startDraining(): void {
  lifecycle().draining = true;
}

export function isDraining(): boolean {
  return lifecycle().draining;
}

/** The migrations this build was made with (the folders in prisma/migrations), read by the start script. */
export function expectMigrations(names: string[]): void {
  lifecycle().expectedMigrations = names;
}

export function expectedMigrations(): string[] | null {
  return lifecycle().expectedMigrations;
}
