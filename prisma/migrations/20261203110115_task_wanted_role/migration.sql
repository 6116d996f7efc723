-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "wantedRole" "Role";

-- CreateIndex
CREATE INDEX "Task_cycleId_wantedRole_idx" ON "Task"("cycleId", "wantedRole");
