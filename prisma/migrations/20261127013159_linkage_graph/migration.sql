-- CreateEnum
CREATE TYPE "AssetType" AS ENUM ('SITE', 'ZONE', 'CONTROLLER', 'GATEWAY', 'BROKER', 'HMI', 'HISTORIAN', 'ENGINEERING_WORKSTATION', 'MANAGEMENT_PLATFORM', 'NETWORK_SEGMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "GraphNodeType" AS ENUM ('VENDOR', 'COMPONENT', 'ASSET');

-- CreateEnum
CREATE TYPE "LinkageKind" AS ENUM ('ADJACENCY', 'INHERITANCE', 'TRUST');

-- CreateEnum
CREATE TYPE "LinkageSource" AS ENUM ('ASSESSMENT', 'INVENTORY', 'MANUAL');

-- CreateEnum
CREATE TYPE "ScoringRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "scoringConfig" JSONB;

-- CreateTable
CREATE TABLE "Asset" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "type" "AssetType" NOT NULL,
    "criticality" INTEGER NOT NULL,
    "safetyImpact" BOOLEAN NOT NULL DEFAULT false,
    "site" TEXT,
    "zone" TEXT,
    "aliases" TEXT[],
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GraphNode" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" "GraphNodeType" NOT NULL,
    "name" TEXT NOT NULL,
    "subtype" TEXT,
    "identity" JSONB,
    "placeholder" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GraphNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Linkage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "fromKey" TEXT NOT NULL,
    "toKey" TEXT NOT NULL,
    "kind" "LinkageKind" NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "source" "LinkageSource" NOT NULL,
    "assessmentId" TEXT,
    "revision" INTEGER,
    "provenance" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Linkage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MappingRequest" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "rowIndex" INTEGER,
    "nodeKey" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MappingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreSnapshot" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "exposure" DOUBLE PRECISION NOT NULL,
    "directExposure" DOUBLE PRECISION NOT NULL,
    "amplification" DOUBLE PRECISION NOT NULL,
    "byKind" JSONB NOT NULL,
    "assetsReached" INTEGER NOT NULL,
    "criticalAssetsReached" INTEGER NOT NULL,
    "topPaths" JSONB NOT NULL,
    "runId" TEXT,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringRun" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "ScoringRunStatus" NOT NULL DEFAULT 'QUEUED',
    "trigger" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "jobId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ScoringRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Asset_organizationId_normalizedName_key" ON "Asset"("organizationId", "normalizedName");

-- CreateIndex
CREATE INDEX "Deployment_organizationId_idx" ON "Deployment"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_vendorId_assetId_key" ON "Deployment"("vendorId", "assetId");

-- CreateIndex
CREATE UNIQUE INDEX "GraphNode_organizationId_key_key" ON "GraphNode"("organizationId", "key");

-- CreateIndex
CREATE INDEX "Linkage_organizationId_idx" ON "Linkage"("organizationId");

-- CreateIndex
CREATE INDEX "Linkage_assessmentId_idx" ON "Linkage"("assessmentId");

-- CreateIndex
CREATE INDEX "Linkage_organizationId_fromKey_idx" ON "Linkage"("organizationId", "fromKey");

-- CreateIndex
CREATE INDEX "MappingRequest_organizationId_resolvedAt_idx" ON "MappingRequest"("organizationId", "resolvedAt");

-- CreateIndex
CREATE INDEX "ScoreSnapshot_organizationId_vendorId_computedAt_idx" ON "ScoreSnapshot"("organizationId", "vendorId", "computedAt");

-- CreateIndex
CREATE INDEX "ScoringRun_organizationId_createdAt_idx" ON "ScoringRun"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
