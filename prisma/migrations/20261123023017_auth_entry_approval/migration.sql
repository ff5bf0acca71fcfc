-- CreateEnum
CREATE TYPE "Role" AS ENUM ('COMMUNE_OFFICER', 'DISTRICT_OFFICER', 'PROVINCE_OFFICER', 'PROVINCE_ADMIN', 'MINISTRY_ADMIN', 'LEADERSHIP_VIEWER');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('SUBMITTED', 'APPROVED');

-- AlterTable
ALTER TABLE "audit_entry" ALTER COLUMN "indicator_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unit_id" INTEGER,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" TIMESTAMP(3),

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempt" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "username" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,

    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "weekly_report" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "week" DATE NOT NULL,
    "status" "ReportStatus" NOT NULL,
    "submitted_by" TEXT NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL,
    "approved_by" TEXT,
    "approved_at" TIMESTAMP(3),

    CONSTRAINT "weekly_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_receipt" (
    "request_id" UUID NOT NULL,
    "user_id" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "response" JSONB NOT NULL,

    CONSTRAINT "request_receipt_pkey" PRIMARY KEY ("request_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "login_attempt_username_at_idx" ON "login_attempt"("username", "at");

-- CreateIndex
CREATE INDEX "login_attempt_address_at_idx" ON "login_attempt"("address", "at");

-- CreateIndex
CREATE INDEX "weekly_report_week_status_idx" ON "weekly_report"("week", "status");

-- CreateIndex
CREATE UNIQUE INDEX "weekly_report_unit_id_week_key" ON "weekly_report"("unit_id", "week");

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "weekly_report" ADD CONSTRAINT "weekly_report_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The audit trail is append-only for every database role, the application's included:
-- UPDATE, DELETE and TRUNCATE raise an error. (A superuser can still switch triggers off with
-- session_replication_role, which the product never does for this table.)
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_entry" FROM PUBLIC;
