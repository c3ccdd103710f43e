-- CreateTable
CREATE TABLE "WhatIfScenario" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "vendorId" TEXT,
    "changes" JSONB NOT NULL,
    "result" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhatIfScenario_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WhatIfScenario_organizationId_vendorId_idx" ON "WhatIfScenario"("organizationId", "vendorId");
