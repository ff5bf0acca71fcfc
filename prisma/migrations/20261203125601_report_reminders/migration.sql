-- CreateEnum
CREATE TYPE "ReminderKind" AS ENUM ('SUBMIT', 'SUMMARY');

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "email" TEXT;

-- CreateTable
CREATE TABLE "reminder_sent" (
    "user_id" INTEGER NOT NULL,
    "week" DATE NOT NULL,
    "kind" "ReminderKind" NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reminder_sent_pkey" PRIMARY KEY ("user_id","week","kind")
);

-- AddForeignKey
ALTER TABLE "reminder_sent" ADD CONSTRAINT "reminder_sent_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
