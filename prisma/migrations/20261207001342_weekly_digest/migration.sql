-- AlterEnum
ALTER TYPE "ReminderKind" ADD VALUE 'DIGEST';
