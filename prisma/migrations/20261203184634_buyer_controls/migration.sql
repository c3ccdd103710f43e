-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "buyerControls" TEXT[] DEFAULT ARRAY[]::TEXT[];
