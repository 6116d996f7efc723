// The grade ladder (三级九档): junior C < junior B < junior A < middle C < … < senior A,
// with trainees (见习) outside it.
export const grades = [
  'TRAINEE',
  'JUNIOR_C',
  'JUNIOR_B',
  'JUNIOR_A',
  'MIDDLE_C',
  'MIDDLE_B',
  'MIDDLE_A',
  'SENIOR_C',
  'SENIOR_B',
  'SENIOR_A',
] as const;
export type Grade = (typeof grades)[number];
export type GradeLevel = 'TRAINEE' | 'JUNIOR' | 'MIDDLE' | 'SENIOR';
/** A tier (档) within a level; trainees have none. */
export type GradeTier = 'A' | 'B' | 'C' | 'TRAINEE';

export function levelOf(grade: Grade): GradeLevel {
  return grade === 'TRAINEE' ? 'TRAINEE' : (grade.split('_')[0] as GradeLevel);
}

export function tierOf(grade: Grade): GradeTier {
  return grade === 'TRAINEE' ? 'TRAINEE' : (grade.split('_')[1] as GradeTier);
}

/** Position on the ladder: trainee 0, junior C 1, …, senior A 9. */
export const gradeRank = (grade: Grade): number => grades.indexOf(grade);

export type GradeChangeKind = 'promotion' | 'demotion' | 'unchanged';
export function gradeChangeKind(from: Grade, to: Grade): GradeChangeKind {
  const d = gradeRank(to) - gradeRank(from);
  return d > 0 ? 'promotion' : d < 0 ? 'demotion' : 'unchanged';
}

/**
 * The grade a manager is paid at: rural (农村) managers one step above their assessed
 * grade, capped at senior A. Trainees are outside the ladder and are paid as trainees.
 * Pay only: quotas always count the assessed grade.
 */
export function payGrade(assessed: Grade, area: 'URBAN' | 'RURAL'): Grade {
  if (area !== 'RURAL' || assessed === 'TRAINEE') return assessed;
  return grades[Math.min(gradeRank(assessed) + 1, grades.length - 1)]!;
}

export const gradeNames: Record<Grade, { 'zh-CN': string; en: string }> = {
  TRAINEE: { 'zh-CN': '见习', en: 'trainee' },
  JUNIOR_C: { 'zh-CN': '初级C档', en: 'junior C' },
  JUNIOR_B: { 'zh-CN': '初级B档', en: 'junior B' },
  JUNIOR_A: { 'zh-CN': '初级A档', en: 'junior A' },
  MIDDLE_C: { 'zh-CN': '中级C档', en: 'middle C' },
  MIDDLE_B: { 'zh-CN': '中级B档', en: 'middle B' },
  MIDDLE_A: { 'zh-CN': '中级A档', en: 'middle A' },
  SENIOR_C: { 'zh-CN': '高级C档', en: 'senior C' },
  SENIOR_B: { 'zh-CN': '高级B档', en: 'senior B' },
  SENIOR_A: { 'zh-CN': '高级A档', en: 'senior A' },
};

/** The assessed grade on a day, from the grade history (changes with their effective dates) and the grade held now. */
export function gradeOn(
  day: string,
  current: Grade,
  history: Array<{ fromGrade: Grade | null; toGrade: Grade; effectiveDate: string }>,
): Grade {
  const sorted = [...history].sort((a, b) =>
    a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0,
  );
  const inEffect = sorted.filter((h) => h.effectiveDate <= day).at(-1);
  if (inEffect) return inEffect.toGrade;
  const next = sorted.find((h) => h.effectiveDate > day);
  return next?.fromGrade ?? current;
}
