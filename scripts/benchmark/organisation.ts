// A generated city of N managers, 25 to a county, each county with its head, inspector and
// marketing reviewer, plus HR and a city approver: for the benchmark and the load tests.
import type { Organisation } from '../../prisma/seed';

export const perCounty = 25;

export function generatedOrganisation(n: number): Organisation {
  const counties = Array.from({ length: Math.ceil(n / perCounty) }, (_, i) => ({
    code: `B${String(i + 1).padStart(4, '0')}`,
    name: `县${i + 1}`,
    nameEn: `County ${i + 1}`,
  }));
  const grades = ['SENIOR_A', 'MIDDLE_B', 'MIDDLE_C', 'JUNIOR_A', 'JUNIOR_C', 'TRAINEE'] as const;
  return {
    city: { code: 'BENCH', name: '基准市', nameEn: 'Benchmark City' },
    counties,
    managers: Array.from({ length: n }, (_, i) => ({
      employeeNo: `B${String(i + 1).padStart(5, '0')}`,
      name: `经理${i + 1}`,
      countyCode: counties[Math.floor(i / perCounty)]!.code,
      area: i % 3 === 2 ? 'RURAL' : 'URBAN',
      employment: i % 4 === 1 ? 'CONTRACT' : 'FORMAL',
      hireDate: '2015-01-01',
      postStartDate: '2016-01-01',
      education: 'BACHELOR',
      grade: grades[i % grades.length]!,
      starRating: 1 + (i % 5),
    })),
    staff: [
      { username: 'hr', displayName: 'HR', email: 'hr@bench.local', role: 'HR', scope: 'BENCH' },
      {
        username: 'approver',
        displayName: 'Approver',
        email: 'approver@bench.local',
        role: 'CITY_APPROVER',
        scope: 'BENCH',
      },
      ...counties.flatMap((c) => [
        {
          username: `head-${c.code}`,
          displayName: `Head ${c.code}`,
          email: `head-${c.code}@bench.local`,
          role: 'COUNTY_HEAD' as const,
          scope: c.code,
        },
        {
          username: `inspector-${c.code}`,
          displayName: `Inspector ${c.code}`,
          email: `inspector-${c.code}@bench.local`,
          role: 'INSPECTOR' as const,
          scope: c.code,
        },
        {
          username: `reviewer-${c.code}`,
          displayName: `Reviewer ${c.code}`,
          email: `reviewer-${c.code}@bench.local`,
          role: 'MARKETING_REVIEWER' as const,
          scope: c.code,
        },
      ]),
    ],
    emailDomain: 'bench.local',
    retailCustomersPerManager: 0,
  };
}
