// The demo city (演示数据) seeded on first start, shaped like DOMAIN.md's real city:
// 4 counties, 71 managers with 6 senior, 36 middle, 18 junior and 11 trainees,
// urban and rural, formal and contract staff. Deterministic: same input, same city.
import type { Grade } from './grades';
import type { Role } from './roles';

export interface DemoCounty {
  code: string;
  name: string;
  nameEn: string;
  managerCount: number;
}
export interface DemoManager {
  employeeNo: string;
  name: string;
  countyCode: string;
  area: 'URBAN' | 'RURAL';
  employment: 'FORMAL' | 'CONTRACT';
  hireDate: string;
  postStartDate: string;
  education: 'HIGH_SCHOOL' | 'VOCATIONAL' | 'JUNIOR_COLLEGE' | 'BACHELOR' | 'MASTER';
  grade: Grade;
  starRating: number;
}
export interface DemoUser {
  username: string;
  displayName: string;
  email: string;
  role: Role;
  scope: string; /* org code */
}

export const demoCity = { code: 'CITY', name: '示范市烟草专卖局（公司）', nameEn: 'Demo City Company' };
export const demoCounties: DemoCounty[] = [
  { code: 'C01', name: '东城县营销部', nameEn: 'Dongcheng County', managerCount: 23 },
  { code: 'C02', name: '西山县营销部', nameEn: 'Xishan County', managerCount: 18 },
  { code: 'C03', name: '南湖县营销部', nameEn: 'Nanhu County', managerCount: 16 },
  { code: 'C04', name: '北岭县营销部', nameEn: 'Beiling County', managerCount: 14 },
];
export const demoGradeMix: Array<[Grade, number]> = [
  ['SENIOR_A', 1],
  ['SENIOR_B', 2],
  ['SENIOR_C', 3],
  ['MIDDLE_A', 10],
  ['MIDDLE_B', 12],
  ['MIDDLE_C', 14],
  ['JUNIOR_A', 6],
  ['JUNIOR_B', 6],
  ['JUNIOR_C', 6],
  ['TRAINEE', 11],
];

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
];
const givenNames = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
];
const educations: DemoManager['education'][] = [
  'BACHELOR',
  'JUNIOR_COLLEGE',
  'VOCATIONAL',
  'BACHELOR',
  'HIGH_SCHOOL',
  'MASTER',
];

export function demoManagers(): DemoManager[] {
  const ladder = demoGradeMix.flatMap(([grade, n]) => Array<Grade>(n).fill(grade));
  const out: DemoManager[] = [];
  let i = 0;
  for (const county of demoCounties) {
    for (let k = 0; k < county.managerCount; k++, i++) {
      const grade = ladder[(i * 29) % ladder.length]!; // spread the grades over the counties
      const seniority = grade === 'TRAINEE' ? 0 : 1 + (i % 18);
      const hireYear = 2025 - seniority - (i % 3);
      const postYear = Math.min(2025, hireYear + (i % 2));
      out.push({
        employeeNo: `M${String(i + 1).padStart(3, '0')}`,
        name: `${surnames[i % surnames.length]}${givenNames[(i * 7) % givenNames.length]}`,
        countyCode: county.code,
        area: k % 3 === 2 ? 'RURAL' : 'URBAN',
        employment: i % 4 === 1 ? 'CONTRACT' : 'FORMAL',
        hireDate: `${hireYear}-0${1 + (i % 9)}-15`,
        postStartDate: `${postYear}-0${1 + (i % 9)}-15`,
        education: educations[i % educations.length]!,
        grade,
        starRating: 1 + (i % 5),
      });
    }
  }
  return out;
}

/** One user for every role: county roles per county, city roles once. */
export function demoStaff(): DemoUser[] {
  const users: DemoUser[] = [
    { username: 'hr', displayName: '人力资源部 刘芳', email: 'hr@kaoping.local', role: 'HR', scope: demoCity.code },
    {
      username: 'approver',
      displayName: '市局考评组 陈明',
      email: 'approver@kaoping.local',
      role: 'CITY_APPROVER',
      scope: demoCity.code,
    },
    { username: 'admin', displayName: '系统管理员', email: 'admin@kaoping.local', role: 'ADMIN', scope: demoCity.code },
  ];
  demoCounties.forEach((c, n) => {
    const no = String(n + 1).padStart(2, '0');
    users.push(
      {
        username: `head${no}`,
        displayName: `${c.name}负责人`,
        email: `head${no}@kaoping.local`,
        role: 'COUNTY_HEAD',
        scope: c.code,
      },
      {
        username: `inspector${no}`,
        displayName: `${c.name}督察员`,
        email: `inspector${no}@kaoping.local`,
        role: 'INSPECTOR',
        scope: c.code,
      },
      {
        username: `reviewer${no}`,
        displayName: `${c.name}营销审核员`,
        email: `reviewer${no}@kaoping.local`,
        role: 'MARKETING_REVIEWER',
        scope: c.code,
      },
      {
        username: `partner${no}`,
        displayName: `工业企业代表 ${no}`,
        email: `partner${no}@kaoping.local`,
        role: 'INDUSTRY_PARTNER',
        scope: c.code,
      },
    );
  });
  return users;
}

export interface DemoRetailCustomer {
  licenceNo: string;
  name: string;
  email: string;
}

const shopWords = ['便利店', '超市', '烟酒店', '副食店', '商行', '小卖部'];

/** The retail customers (零售客户) a manager serves: `count` shops with a licence number and a contact address. */
export function demoRetailCustomers(employeeNo: string, count: number, emailDomain: string): DemoRetailCustomer[] {
  return Array.from({ length: count }, (_, k) => {
    const licenceNo = `${employeeNo}${String(k + 1).padStart(4, '0')}`;
    return {
      licenceNo,
      name: `${surnames[(k * 3) % surnames.length]}记${shopWords[k % shopWords.length]}`,
      email: `shop-${licenceNo.toLowerCase()}@${emailDomain}`,
    };
  });
}

export interface DemoVisitDay {
  date: string;
  route: string;
  /** Indexes into the manager's customers (by licence number order). */
  planned: number[];
  visited: number[];
  mileageKm: number;
  firstCheckIn: { time: string; place: string } | null;
  lastCheckIn: { time: string; place: string } | null;
}

const routes = ['城关—东街—北关', '南街—新村—河口', '西关—工业园—车站', '北岭镇—石桥—后山'];

/**
 * A month of a demo manager's visit log (工作本): every weekday eight customers planned,
 * seven or eight visited, both check-ins, except a day now and then with the last one
 * missing, so the inspection's facts have something to show. Deterministic by `seed`.
 */
export function demoVisitDays(month: string, seed: number): DemoVisitDay[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const out: DemoVisitDay[] = [];
  for (let d = 1; d <= days; d++) {
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const n = seed * 31 + d;
    const start = (n * 8) % 160;
    const planned = Array.from({ length: 8 }, (_, k) => start + k);
    const route = routes[n % routes.length]!;
    out.push({
      date: `${month}-${String(d).padStart(2, '0')}`,
      route,
      planned,
      visited: n % 5 === 0 ? planned.slice(0, 7) : planned,
      mileageKm: 20 + (n % 9) * 4.5,
      firstCheckIn: { time: `08:${String(10 + (n % 40)).padStart(2, '0')}`, place: route.split('—')[0]! },
      lastCheckIn:
        n % 11 === 0 ? null : { time: `17:${String(n % 50).padStart(2, '0')}`, place: route.split('—').at(-1)! },
    });
  }
  return out;
}

/** A week's one-sheet as the demo's managers sent it last week: one problem still open. */
export const demoLastWeekSheet = {
  focus: '新品铺货与节前备货',
  ticked: [
    { category: 'SERVE_CUSTOMERS', item: 'NEW_PRODUCT_PROMOTION', how: '逐户讲解新品卖点与价格' },
    { category: 'TERMINAL_BUILDING', item: 'DISPLAY', how: '调整柜台陈列，新品放在第一层' },
  ],
  mainWork: '走访 42 户，新品铺货 11 户，陈列调整 6 户。',
  problems: [
    { text: '城关片区两户客户断货', resolved: false },
    { text: '一户客户价格标签不全', resolved: true },
  ],
  measures: '本周与配送中心确认补货时间。',
};
