-- CreateEnum
CREATE TYPE "WeeklySheetStatus" AS ENUM ('OPEN', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'MISSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TaskKind" ADD VALUE 'WEEKLY_SHEET';
ALTER TYPE "TaskKind" ADD VALUE 'WEEKLY_SHEET_REVIEW';

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "weeklySheetId" TEXT;

-- CreateTable
CREATE TABLE "WeeklySheet" (
    "id" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "weekStart" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "status" "WeeklySheetStatus" NOT NULL DEFAULT 'OPEN',
    "content" JSONB,
    "round" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "onTime" BOOLEAN,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewComment" TEXT,
    "returnReason" TEXT,
    "workflowId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WeeklySheet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WeeklySheet_workflowId_key" ON "WeeklySheet"("workflowId");

-- CreateIndex
CREATE INDEX "WeeklySheet_countyId_weekStart_status_idx" ON "WeeklySheet"("countyId", "weekStart", "status");

-- CreateIndex
CREATE INDEX "WeeklySheet_managerId_month_idx" ON "WeeklySheet"("managerId", "month");

-- CreateIndex
CREATE INDEX "WeeklySheet_weekStart_status_idx" ON "WeeklySheet"("weekStart", "status");

-- CreateIndex
CREATE UNIQUE INDEX "WeeklySheet_managerId_weekStart_key" ON "WeeklySheet"("managerId", "weekStart");

-- CreateIndex
CREATE UNIQUE INDEX "Task_weeklySheetId_kind_round_key" ON "Task"("weeklySheetId", "kind", "round");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_weeklySheetId_fkey" FOREIGN KEY ("weeklySheetId") REFERENCES "WeeklySheet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklySheet" ADD CONSTRAINT "WeeklySheet_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
