-- CreateTable
CREATE TABLE "VisitWeekReview" (
    "id" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "weekStart" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitWeekReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VisitWeekReview_countyId_weekStart_idx" ON "VisitWeekReview"("countyId", "weekStart");

-- CreateIndex
CREATE UNIQUE INDEX "VisitWeekReview_managerId_weekStart_key" ON "VisitWeekReview"("managerId", "weekStart");

-- AddForeignKey
ALTER TABLE "VisitWeekReview" ADD CONSTRAINT "VisitWeekReview_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
