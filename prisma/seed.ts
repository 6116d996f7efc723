// Seeds the demo city (domain/demoOrganisation.ts) into an empty database: org units,
// managers, one user per role, default templates. Does nothing if the city exists.
import { addDays, addMonths, shanghaiDate, shanghaiInstant } from '../domain/calendar';
import { weekStartOf } from '../domain/visitLog';
import { monthOfWeek } from '../domain/weeklySheet';
import { weeklySheetWorkflowId } from '../workflows/weeklySheet.messages';
import {
  demoCity,
  demoLastWeekSheet,
  demoVisitDays,
  demoCounties,
  demoManagers,
  demoRetailCustomers,
  demoStaff,
  type DemoCounty,
  type DemoManager,
  type DemoUser,
} from '../domain/demoOrganisation';
import { cycleTypes } from '../domain/cycles';
import { examplePayTable } from '../domain/pay';
import { defaultTemplateConfig } from '../domain/templates';
import { hashPassword } from '../api/passwords';
import type { PrismaClient } from './database';

export const demoPassword = 'kaoping123';

export interface Organisation {
  city: { code: string; name: string; nameEn: string };
  counties: Omit<DemoCounty, 'managerCount'>[];
  managers: DemoManager[];
  staff: DemoUser[];
  /** Managers' accounts get <employee no>@<emailDomain>. */
  emailDomain: string;
  /** Retail customers per manager (DOMAIN.md: about 180), for the satisfaction survey. */
  retailCustomersPerManager: number;
}

export const demoOrganisation = (): Organisation => ({
  city: demoCity,
  counties: demoCounties,
  managers: demoManagers(),
  staff: demoStaff(),
  emailDomain: 'kaoping.local',
  retailCustomersPerManager: 180,
});

/** Seeds the demo city into an empty database; false if the city is there already. */
export async function seedDemoCity(prisma: PrismaClient, options: { password?: string } = {}): Promise<boolean> {
  const seeded = await seedOrganisation(prisma, demoOrganisation(), options.password ?? demoPassword);
  if (seeded) {
    await seedDemoVisitLog(prisma, demoVisitCounty, previousMonth(new Date()));
    await seedDemoLastWeekSheets(prisma, demoVisitCounty, new Date());
  }
  return seeded;
}

/**
 * Last week's one-sheets (一张纸) of the same county, reviewed, each with a problem left open:
 * this week's sheet, opened at start, shows it carried in.
 */
async function seedDemoLastWeekSheets(prisma: PrismaClient, countyCode: string, now: Date): Promise<void> {
  const weekStart = addDays(weekStartOf(shanghaiDate(now)), -7);
  const managers = await prisma.manager.findMany({ where: { county: { code: countyCode } } });
  const head = await prisma.user.findFirst({
    where: { roles: { some: { role: 'COUNTY_HEAD', orgUnit: { code: countyCode } } } },
  });
  await prisma.weeklySheet.createMany({
    data: managers.map((m) => ({
      managerId: m.id,
      countyId: m.countyId,
      weekStart,
      month: monthOfWeek(weekStart),
      status: 'REVIEWED' as const,
      submittedAt: shanghaiInstant(addDays(weekStart, 6), 18),
      onTime: true,
      reviewedAt: shanghaiInstant(addDays(weekStart, 7), 10),
      reviewedById: head?.id ?? null,
      reviewComment: '已阅，断货问题本周跟进。',
      workflowId: weeklySheetWorkflowId(m.id, weekStart),
      content: demoLastWeekSheet,
    })),
    skipDuplicates: true,
  });
}

/** The county whose managers have last month's visit log in the demo (北岭县, the walkthrough's). */
const demoVisitCounty = 'C04';

function previousMonth(now: Date): string {
  return addMonths(shanghaiDate(now).slice(0, 7), -1);
}

/** Last month's work book (工作本) of one county's managers, recorded by themselves. */
async function seedDemoVisitLog(prisma: PrismaClient, countyCode: string, month: string): Promise<void> {
  const managers = await prisma.manager.findMany({
    where: { county: { code: countyCode } },
    orderBy: { employeeNo: 'asc' },
    include: { retailCustomerList: { orderBy: { licenceNo: 'asc' }, select: { id: true } } },
  });
  const rows = managers.flatMap((m, i) =>
    m.userId
      ? demoVisitDays(month, i + 1).map((d) => ({
          managerId: m.id,
          countyId: m.countyId,
          date: d.date,
          month,
          route: d.route,
          plannedCustomerIds: d.planned.map((k) => m.retailCustomerList[k]!.id),
          visitedCustomerIds: d.visited.map((k) => m.retailCustomerList[k]!.id),
          mileageKm: d.mileageKm,
          firstCheckInTime: d.firstCheckIn?.time ?? null,
          firstCheckInPlace: d.firstCheckIn?.place ?? null,
          firstCheckInById: d.firstCheckIn ? m.userId : null,
          lastCheckInTime: d.lastCheckIn?.time ?? null,
          lastCheckInPlace: d.lastCheckIn?.place ?? null,
          lastCheckInById: d.lastCheckIn ? m.userId : null,
          updatedById: m.userId!,
        }))
      : [],
  );
  await prisma.visitDay.createMany({ data: rows, skipDuplicates: true });
}

export async function seedOrganisation(prisma: PrismaClient, org: Organisation, password: string): Promise<boolean> {
  const { city: cityData, counties: countyData, managers, staff } = org;
  if (await prisma.orgUnit.findUnique({ where: { code: cityData.code } })) return false;
  // Seeded accounts share one password (and so one hash): change them before real use.
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(
    async (tx) => {
      const city = await tx.orgUnit.create({
        data: { code: cityData.code, name: cityData.name, nameEn: cityData.nameEn, kind: 'CITY' },
      });
      const counties = new Map<string, string>();
      for (const c of countyData) {
        const unit = await tx.orgUnit.create({
          data: { code: c.code, name: c.name, nameEn: c.nameEn, kind: 'COUNTY', parentId: city.id },
        });
        counties.set(c.code, unit.id);
      }
      const scopeId = (code: string) => (code === cityData.code ? city.id : counties.get(code)!);
      for (const s of staff) {
        await tx.user.create({
          data: {
            username: s.username,
            passwordHash,
            displayName: s.displayName,
            email: s.email,
            roles: { create: [{ role: s.role, orgUnitId: scopeId(s.scope) }] },
          },
        });
      }
      for (const m of managers) {
        const user = await tx.user.create({
          data: {
            username: m.employeeNo.toLowerCase(),
            passwordHash,
            displayName: m.name,
            email: `${m.employeeNo.toLowerCase()}@${org.emailDomain}`,
            roles: { create: [{ role: 'MANAGER', orgUnitId: counties.get(m.countyCode)! }] },
          },
        });
        const manager = await tx.manager.create({
          data: {
            employeeNo: m.employeeNo,
            name: m.name,
            countyId: counties.get(m.countyCode)!,
            area: m.area,
            employment: m.employment,
            hireDate: new Date(m.hireDate),
            postStartDate: new Date(m.postStartDate),
            education: m.education,
            grade: m.grade,
            starRating: m.starRating,
            userId: user.id,
            retailCustomers: org.retailCustomersPerManager,
          },
        });
        await tx.retailCustomer.createMany({
          data: demoRetailCustomers(m.employeeNo, org.retailCustomersPerManager, `retail.${org.emailDomain}`).map(
            (c) => ({ ...c, managerId: manager.id }),
          ),
        });
      }
      await tx.payTable.create({ data: { version: 1, effectiveFrom: '2020-01-01', config: examplePayTable } });
      for (const type of cycleTypes) {
        await tx.evaluationTemplate.create({
          data: { cycleType: type, version: 1, config: defaultTemplateConfig(type) },
        });
      }
    },
    { timeout: 60_000 },
  );
  return true;
}
