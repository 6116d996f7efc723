-- AlterEnum
ALTER TYPE "EvaluationStage" ADD VALUE 'WITHDRAWN';
