-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('COUNTY_REVIEW', 'CITY_DECISION', 'UPHELD', 'ADJUSTED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TaskKind" ADD VALUE 'OBJECTION_COUNTY_REVIEW';
ALTER TYPE "TaskKind" ADD VALUE 'OBJECTION_CITY_DECISION';

-- AlterTable
ALTER TABLE "BottomRankFlag" ADD COLUMN     "liftedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "publishedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "objectionId" TEXT;

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "components" TEXT[],
    "reason" TEXT NOT NULL,
    "filedById" TEXT NOT NULL,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'COUNTY_REVIEW',
    "decision" TEXT,
    "decisionReason" TEXT,
    "outcome" JSONB,
    "decidedAt" TIMESTAMP(3),
    "workflowId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Objection_evaluationId_key" ON "Objection"("evaluationId");

-- CreateIndex
CREATE UNIQUE INDEX "Objection_workflowId_key" ON "Objection"("workflowId");

-- CreateIndex
CREATE INDEX "Objection_cycleId_countyId_status_idx" ON "Objection"("cycleId", "countyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Task_objectionId_kind_round_key" ON "Task"("objectionId", "kind", "round");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_objectionId_fkey" FOREIGN KEY ("objectionId") REFERENCES "Objection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Results published before this migration: their window counts from the county's publication.
UPDATE "Evaluation" e SET "publishedAt" = r."updatedAt"
FROM "CountyReview" r
WHERE e."stage" = 'PUBLISHED' AND e."publishedAt" IS NULL AND r."cycleId" = e."cycleId" AND r."countyId" = e."countyId";
