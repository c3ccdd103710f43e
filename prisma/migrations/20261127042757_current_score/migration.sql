-- CreateTable
CREATE TABLE "CurrentScore" (
    "vendorId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "exposure" DOUBLE PRECISION NOT NULL,
    "directExposure" DOUBLE PRECISION NOT NULL,
    "amplification" DOUBLE PRECISION NOT NULL,
    "byKind" JSONB NOT NULL,
    "dominantKind" TEXT,
    "assetsReached" INTEGER NOT NULL,
    "criticalAssetsReached" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CurrentScore_pkey" PRIMARY KEY ("vendorId")
);

-- CreateIndex
CREATE INDEX "CurrentScore_organizationId_exposure_idx" ON "CurrentScore"("organizationId", "exposure");

-- Backfill: each vendor's newest snapshot (recomputeScores keeps it current from now on).
INSERT INTO "CurrentScore" ("vendorId", "organizationId", "snapshotId", "modelVersion", "exposure", "directExposure", "amplification", "byKind", "dominantKind", "assetsReached", "criticalAssetsReached", "computedAt")
SELECT DISTINCT ON (sn."vendorId")
       sn."vendorId", sn."organizationId", sn."id", sn."modelVersion", sn."exposure", sn."directExposure", sn."amplification", sn."byKind",
       CASE WHEN GREATEST(k.adj, k.inh, k.tru) <= 0 THEN NULL
            WHEN k.tru >= k.adj AND k.tru >= k.inh THEN 'trust'
            WHEN k.adj >= k.inh THEN 'adjacency'
            ELSE 'inheritance' END,
       sn."assetsReached", sn."criticalAssetsReached", sn."computedAt"
FROM "ScoreSnapshot" sn
CROSS JOIN LATERAL (
  SELECT COALESCE((sn."byKind"->>'adjacency')::float8, 0) AS adj,
         COALESCE((sn."byKind"->>'inheritance')::float8, 0) AS inh,
         COALESCE((sn."byKind"->>'trust')::float8, 0) AS tru
) k
ORDER BY sn."vendorId", sn."computedAt" DESC, sn."id" DESC;
