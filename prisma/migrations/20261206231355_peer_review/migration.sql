-- AlterEnum
ALTER TYPE "TaskKind" ADD VALUE 'PEER_REVIEW';

-- CreateTable
CREATE TABLE "PeerAssignment" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "raterEvaluationId" TEXT NOT NULL,
    "rateeEvaluationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeerAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PeerAssignment_rateeEvaluationId_idx" ON "PeerAssignment"("rateeEvaluationId");

-- CreateIndex
CREATE INDEX "PeerAssignment_cycleId_countyId_idx" ON "PeerAssignment"("cycleId", "countyId");

-- CreateIndex
CREATE UNIQUE INDEX "PeerAssignment_raterEvaluationId_rateeEvaluationId_key" ON "PeerAssignment"("raterEvaluationId", "rateeEvaluationId");

-- AddForeignKey
ALTER TABLE "PeerAssignment" ADD CONSTRAINT "PeerAssignment_raterEvaluationId_fkey" FOREIGN KEY ("raterEvaluationId") REFERENCES "Evaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerAssignment" ADD CONSTRAINT "PeerAssignment_rateeEvaluationId_fkey" FOREIGN KEY ("rateeEvaluationId") REFERENCES "Evaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
