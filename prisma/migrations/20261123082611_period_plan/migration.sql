-- CreateTable
CREATE TABLE "PeriodPlan" (
    "evaluationId" TEXT NOT NULL,
    "targets" JSONB NOT NULL,
    "plan" TEXT NOT NULL,
    "focus" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeriodPlan_pkey" PRIMARY KEY ("evaluationId")
);

-- AddForeignKey
ALTER TABLE "PeriodPlan" ADD CONSTRAINT "PeriodPlan_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
