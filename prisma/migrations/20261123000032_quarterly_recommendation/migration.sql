-- AlterTable
ALTER TABLE "CountyReview" ADD COLUMN     "recommendedManagerId" TEXT;
