-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('OPEN', 'RETRYING', 'RESOLVED');

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "workflowType" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "cycleId" TEXT,
    "countyId" TEXT,
    "evaluationId" TEXT,
    "subject" JSONB,
    "status" "IncidentStatus" NOT NULL DEFAULT 'OPEN',
    "errorType" TEXT,
    "message" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "retriedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Incident_status_cycleId_idx" ON "Incident"("status", "cycleId");

-- CreateIndex
CREATE INDEX "Incident_cycleId_firstSeenAt_idx" ON "Incident"("cycleId", "firstSeenAt");

-- CreateIndex
CREATE INDEX "Incident_workflowId_idx" ON "Incident"("workflowId");
