-- AlterTable
ALTER TABLE "Manager" ADD COLUMN     "industryPartnerId" TEXT;

-- AddForeignKey
ALTER TABLE "Manager" ADD CONSTRAINT "Manager_industryPartnerId_fkey" FOREIGN KEY ("industryPartnerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
