-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('AWAITING_ANSWER', 'UNDER_REVIEW', 'CONFIRMED', 'NOT_CONFIRMED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TaskKind" ADD VALUE 'COMPLAINT_ANSWER';
ALTER TYPE "TaskKind" ADD VALUE 'COMPLAINT_DECISION';

-- DropForeignKey
ALTER TABLE "Task" DROP CONSTRAINT "Task_cycleId_fkey";

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "complaintId" TEXT,
ALTER COLUMN "cycleId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "receivedOn" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "customerPhone" TEXT,
    "content" TEXT NOT NULL,
    "registeredById" TEXT NOT NULL,
    "status" "ComplaintStatus" NOT NULL DEFAULT 'AWAITING_ANSWER',
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "decision" TEXT,
    "decisionReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "points" DECIMAL(5,2),
    "workflowId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_workflowId_key" ON "Complaint"("workflowId");

-- CreateIndex
CREATE INDEX "Complaint_countyId_month_status_idx" ON "Complaint"("countyId", "month", "status");

-- CreateIndex
CREATE INDEX "Complaint_managerId_month_status_idx" ON "Complaint"("managerId", "month", "status");

-- CreateIndex
CREATE INDEX "Complaint_month_kind_idx" ON "Complaint"("month", "kind");

-- CreateIndex
CREATE INDEX "Complaint_createdAt_idx" ON "Complaint"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Task_complaintId_kind_round_key" ON "Task"("complaintId", "kind", "round");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
