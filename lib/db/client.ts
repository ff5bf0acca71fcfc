import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { requireDatabaseUrl } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process; in development, hot reloads reuse it instead of opening new pools.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: requireDatabaseUrl() }) });
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.prisma?.$disconnect();
  globalForPrisma.prisma = undefined;
}
