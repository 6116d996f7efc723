-- CreateEnum
CREATE TYPE "ResultsTalkStatus" AS ENUM ('TO_HOLD', 'TO_ACKNOWLEDGE', 'ACKNOWLEDGED', 'UNACKNOWLEDGED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TaskKind" ADD VALUE 'RESULTS_TALK';
ALTER TYPE "TaskKind" ADD VALUE 'TALK_ACKNOWLEDGEMENT';

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "resultsTalkId" TEXT;

-- CreateTable
CREATE TABLE "ResultsTalk" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "leaderId" TEXT,
    "reason" TEXT NOT NULL,
    "status" "ResultsTalkStatus" NOT NULL DEFAULT 'TO_HOLD',
    "heldById" TEXT,
    "heldOn" TEXT,
    "wentWell" TEXT,
    "wentBadly" TEXT,
    "causes" TEXT,
    "agreedChange" TEXT,
    "recordedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "managerComment" TEXT,
    "workflowId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResultsTalk_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResultsTalk_evaluationId_key" ON "ResultsTalk"("evaluationId");

-- CreateIndex
CREATE UNIQUE INDEX "ResultsTalk_workflowId_key" ON "ResultsTalk"("workflowId");

-- CreateIndex
CREATE INDEX "ResultsTalk_cycleId_countyId_status_idx" ON "ResultsTalk"("cycleId", "countyId", "status");

-- CreateIndex
CREATE INDEX "ResultsTalk_managerId_createdAt_idx" ON "ResultsTalk"("managerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Task_resultsTalkId_kind_round_key" ON "Task"("resultsTalkId", "kind", "round");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_resultsTalkId_fkey" FOREIGN KEY ("resultsTalkId") REFERENCES "ResultsTalk"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultsTalk" ADD CONSTRAINT "ResultsTalk_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
