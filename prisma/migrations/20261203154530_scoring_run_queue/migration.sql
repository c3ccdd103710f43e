-- AlterTable
ALTER TABLE "ScoringRun" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "seedNodeKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "ScoringRun_status_createdAt_idx" ON "ScoringRun"("status", "createdAt");
