-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "graphVersion" INTEGER NOT NULL DEFAULT 0;
