-- CreateTable
CREATE TABLE "VisitDay" (
    "id" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "route" TEXT NOT NULL DEFAULT '',
    "plannedCustomerIds" TEXT[],
    "visitedCustomerIds" TEXT[],
    "mileageKm" DECIMAL(6,1) NOT NULL DEFAULT 0,
    "firstCheckInTime" TEXT,
    "firstCheckInPlace" TEXT,
    "firstCheckInById" TEXT,
    "lastCheckInTime" TEXT,
    "lastCheckInPlace" TEXT,
    "lastCheckInById" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "updatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VisitDay_countyId_month_idx" ON "VisitDay"("countyId", "month");

-- CreateIndex
CREATE INDEX "VisitDay_managerId_month_idx" ON "VisitDay"("managerId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "VisitDay_managerId_date_key" ON "VisitDay"("managerId", "date");

-- AddForeignKey
ALTER TABLE "VisitDay" ADD CONSTRAINT "VisitDay_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
