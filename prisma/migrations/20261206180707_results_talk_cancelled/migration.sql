-- AlterEnum
ALTER TYPE "ResultsTalkStatus" ADD VALUE 'CANCELLED';
