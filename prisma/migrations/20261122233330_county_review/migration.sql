-- CreateEnum
CREATE TYPE "CountyReviewStatus" AS ENUM ('COUNTY_SIGN_OFF', 'CITY_APPROVAL', 'APPROVED', 'PUBLISHED');

-- DropForeignKey
ALTER TABLE "Task" DROP CONSTRAINT "Task_evaluationId_fkey";

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "cohortSize" INTEGER,
ADD COLUMN     "monthlyStar" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rank" INTEGER,
ADD COLUMN     "rankFromBottom" INTEGER;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "countyReviewId" TEXT,
ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 1,
ALTER COLUMN "evaluationId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "CountyReview" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "status" "CountyReviewStatus" NOT NULL DEFAULT 'COUNTY_SIGN_OFF',
    "round" INTEGER NOT NULL DEFAULT 1,
    "workflowId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CountyReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BottomRankFlag" (
    "id" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "rules" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BottomRankFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CountyReview_workflowId_key" ON "CountyReview"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "CountyReview_cycleId_countyId_key" ON "CountyReview"("cycleId", "countyId");

-- CreateIndex
CREATE UNIQUE INDEX "BottomRankFlag_managerId_cycleId_key" ON "BottomRankFlag"("managerId", "cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "Task_countyReviewId_kind_round_key" ON "Task"("countyReviewId", "kind", "round");

-- AddForeignKey
ALTER TABLE "CountyReview" ADD CONSTRAINT "CountyReview_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BottomRankFlag" ADD CONSTRAINT "BottomRankFlag_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_countyReviewId_fkey" FOREIGN KEY ("countyReviewId") REFERENCES "CountyReview"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
