-- CreateEnum
CREATE TYPE "GradeReviewStatus" AS ENUM ('PROPOSAL', 'SIGN_OFF', 'APPROVED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "GradeChangeStatus" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED', 'APPLIED');

-- CreateEnum
CREATE TYPE "BottomRankCaseStatus" AS ENUM ('HR_DECISION', 'CITY_APPROVAL', 'DECIDED');

-- CreateEnum
CREATE TYPE "BottomRankAction" AS ENUM ('SUSPEND_FOR_STUDY', 'POST_CHANGE', 'CONTRACT_END', 'NO_ACTION');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TaskKind" ADD VALUE 'GRADE_PROPOSAL';
ALTER TYPE "TaskKind" ADD VALUE 'GRADE_SIGN_OFF';
ALTER TYPE "TaskKind" ADD VALUE 'BOTTOM_RANK_DECISION';
ALTER TYPE "TaskKind" ADD VALUE 'BOTTOM_RANK_APPROVAL';

-- AlterTable
ALTER TABLE "PayTable" ADD COLUMN     "createdById" TEXT,
ALTER COLUMN "effectiveFrom" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "bottomRankCaseId" TEXT,
ADD COLUMN     "gradeReviewId" TEXT;

-- CreateTable
CREATE TABLE "GradeReview" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "status" "GradeReviewStatus" NOT NULL DEFAULT 'PROPOSAL',
    "round" INTEGER NOT NULL DEFAULT 1,
    "workflowId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GradeReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradeChange" (
    "id" TEXT NOT NULL,
    "gradeReviewId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "managerId" TEXT NOT NULL,
    "fromGrade" "Grade" NOT NULL,
    "toGrade" "Grade" NOT NULL,
    "reason" TEXT NOT NULL,
    "effectiveDate" TEXT NOT NULL,
    "status" "GradeChangeStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "decidedById" TEXT,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "GradeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BottomRankCase" (
    "id" TEXT NOT NULL,
    "flagId" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "status" "BottomRankCaseStatus" NOT NULL DEFAULT 'HR_DECISION',
    "round" INTEGER NOT NULL DEFAULT 1,
    "action" "BottomRankAction",
    "reason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "workflowId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BottomRankCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StarHistory" (
    "id" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "fromStars" INTEGER NOT NULL,
    "toStars" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StarHistory_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GradeReview_workflowId_key" ON "GradeReview"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "GradeReview_cycleId_countyId_key" ON "GradeReview"("cycleId", "countyId");

-- CreateIndex
CREATE INDEX "GradeChange_status_effectiveDate_idx" ON "GradeChange"("status", "effectiveDate");

-- CreateIndex
CREATE INDEX "GradeChange_managerId_idx" ON "GradeChange"("managerId");

-- CreateIndex
CREATE UNIQUE INDEX "GradeChange_gradeReviewId_round_managerId_key" ON "GradeChange"("gradeReviewId", "round", "managerId");

-- CreateIndex
CREATE UNIQUE INDEX "BottomRankCase_flagId_key" ON "BottomRankCase"("flagId");

-- CreateIndex
CREATE UNIQUE INDEX "BottomRankCase_workflowId_key" ON "BottomRankCase"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "StarHistory_managerId_cycleId_key" ON "StarHistory"("managerId", "cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "Task_gradeReviewId_kind_round_key" ON "Task"("gradeReviewId", "kind", "round");

-- CreateIndex
CREATE UNIQUE INDEX "Task_bottomRankCaseId_kind_round_key" ON "Task"("bottomRankCaseId", "kind", "round");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_gradeReviewId_fkey" FOREIGN KEY ("gradeReviewId") REFERENCES "GradeReview"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_bottomRankCaseId_fkey" FOREIGN KEY ("bottomRankCaseId") REFERENCES "BottomRankCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeReview" ADD CONSTRAINT "GradeReview_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeChange" ADD CONSTRAINT "GradeChange_gradeReviewId_fkey" FOREIGN KEY ("gradeReviewId") REFERENCES "GradeReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeChange" ADD CONSTRAINT "GradeChange_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BottomRankCase" ADD CONSTRAINT "BottomRankCase_flagId_fkey" FOREIGN KEY ("flagId") REFERENCES "BottomRankFlag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BottomRankCase" ADD CONSTRAINT "BottomRankCase_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StarHistory" ADD CONSTRAINT "StarHistory_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
