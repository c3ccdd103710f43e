-- CreateEnum
CREATE TYPE "ReviewMessageKind" AS ENUM ('ACCEPTED', 'CHANGES_REQUESTED', 'SUPPLIER_REPLY');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "separateReviewDuties" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "ReviewMessage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "kind" "ReviewMessageKind" NOT NULL,
    "commentId" TEXT,
    "body" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewMessage_assessmentId_createdAt_idx" ON "ReviewMessage"("assessmentId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewMessage_organizationId_vendorId_idx" ON "ReviewMessage"("organizationId", "vendorId");

-- CreateIndex
CREATE INDEX "ReviewMessage_commentId_idx" ON "ReviewMessage"("commentId");

-- AddForeignKey
ALTER TABLE "ReviewMessage" ADD CONSTRAINT "ReviewMessage_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewMessage" ADD CONSTRAINT "ReviewMessage_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "ReviewComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewMessage" ADD CONSTRAINT "ReviewMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
