-- CreateEnum
CREATE TYPE "TaskMail" AS ENUM ('EACH', 'DAILY_DIGEST');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "taskMail" "TaskMail" NOT NULL DEFAULT 'EACH';
