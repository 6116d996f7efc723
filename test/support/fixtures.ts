// A small organisation for workflow tests: county C01 with three managers, county
// C02 with one, and one user for every role.
import type { Organisation } from '../../prisma/seed';

export const testPassword = 'test-password-1';

export const smallOrganisation = (): Organisation => ({
  city: { code: 'CITY', name: '测试市', nameEn: 'Test City' },
  counties: [
    { code: 'C01', name: '甲县', nameEn: 'County A' },
    { code: 'C02', name: '乙县', nameEn: 'County B' },
  ],
  managers: [
    {
      employeeNo: 'M001',
      name: '王伟',
      countyCode: 'C01',
      area: 'URBAN',
      employment: 'FORMAL',
      hireDate: '2015-03-01',
      postStartDate: '2016-03-01',
      education: 'BACHELOR',
      grade: 'MIDDLE_B',
      starRating: 3,
    },
    {
      employeeNo: 'M002',
      name: '李娜',
      countyCode: 'C01',
      area: 'RURAL',
      employment: 'CONTRACT',
      hireDate: '2019-07-01',
      postStartDate: '2019-07-01',
      education: 'JUNIOR_COLLEGE',
      grade: 'JUNIOR_A',
      starRating: 2,
    },
    {
      employeeNo: 'M003',
      name: '张敏',
      countyCode: 'C01',
      area: 'URBAN',
      employment: 'FORMAL',
      hireDate: '2024-09-01',
      postStartDate: '2024-09-01',
      education: 'BACHELOR',
      grade: 'TRAINEE',
      starRating: 1,
    },
    {
      employeeNo: 'M004',
      name: '刘洋',
      countyCode: 'C02',
      area: 'URBAN',
      employment: 'FORMAL',
      hireDate: '2012-01-01',
      postStartDate: '2012-01-01',
      education: 'MASTER',
      grade: 'SENIOR_C',
      starRating: 4,
    },
  ],
  staff: [
    { username: 'hr', displayName: 'HR 刘芳', email: 'hr@test.local', role: 'HR', scope: 'CITY' },
    {
      username: 'approver',
      displayName: '市局考评组 陈明',
      email: 'approver@test.local',
      role: 'CITY_APPROVER',
      scope: 'CITY',
    },
    { username: 'admin', displayName: '系统管理员', email: 'admin@test.local', role: 'ADMIN', scope: 'CITY' },
    { username: 'head01', displayName: '甲县负责人', email: 'head01@test.local', role: 'COUNTY_HEAD', scope: 'C01' },
    { username: 'head02', displayName: '乙县负责人', email: 'head02@test.local', role: 'COUNTY_HEAD', scope: 'C02' },
    {
      username: 'inspector01',
      displayName: '甲县督察员',
      email: 'inspector01@test.local',
      role: 'INSPECTOR',
      scope: 'C01',
    },
    {
      username: 'inspector02',
      displayName: '乙县督察员',
      email: 'inspector02@test.local',
      role: 'INSPECTOR',
      scope: 'C02',
    },
    {
      username: 'inspector03',
      displayName: '乙县督察员（二）',
      email: 'inspector03@test.local',
      role: 'INSPECTOR',
      scope: 'C02',
    },
    {
      username: 'partner02',
      displayName: '工业企业代表 乙',
      email: 'partner02@test.local',
      role: 'INDUSTRY_PARTNER',
      scope: 'C02',
    },
    {
      username: 'partner02b',
      displayName: '工业企业代表 乙（二）',
      email: 'partner02b@test.local',
      role: 'INDUSTRY_PARTNER',
      scope: 'C02',
    },
    {
      username: 'reviewer01',
      displayName: '甲县营销审核员',
      email: 'reviewer01@test.local',
      role: 'MARKETING_REVIEWER',
      scope: 'C01',
    },
    {
      username: 'reviewer02',
      displayName: '乙县营销审核员',
      email: 'reviewer02@test.local',
      role: 'MARKETING_REVIEWER',
      scope: 'C02',
    },
  ],
  emailDomain: 'test.local',
  retailCustomersPerManager: 12,
});

export const validSelfAssessment = {
  attitude: 90,
  knowledge: 85,
  skills: 80,
  workSummary: '本月完成走访 180 户零售客户，订单成功率 96%。',
  improvementPlan: '加强新品推介，提升数据维护的及时性。',
};

export const validInspection = {
  items: [
    {
      item: 'FIRST_LAST_CHECK_IN',
      passed: false,
      deduction: 5,
      note: '3 月 12 日首签缺失',
      evidence: ['photo:20261112-01'],
    },
    { item: 'PHONE_SPOT_CHECK', passed: true, deduction: 0 },
    { item: 'ON_SITE_CHECK', passed: false, deduction: 3, note: '客户手册未签字' },
    { item: 'VISIT_LOG_AND_HANDBOOK', passed: true, deduction: 0 },
  ],
};

export const validMarketingReview = {
  kpis: { salesVolumeCompletion: 104, orderSuccessRate: 96, basicDataMaintenance: 90 },
  reviewScore: 88,
  comment: '销量完成较好，数据维护需加强。',
};
