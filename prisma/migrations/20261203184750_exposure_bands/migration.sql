-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "exposureBands" JSONB;
