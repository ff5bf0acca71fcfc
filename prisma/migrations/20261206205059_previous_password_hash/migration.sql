-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "previous_password_hash" TEXT;
