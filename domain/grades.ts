// The grade ladder (三级九档): junior C < junior B < junior A < middle C < … < senior A,
// with trainees (见习) outside it.
export const grades = ['TRAINEE', 'JUNIOR_C', 'JUNIOR_B', 'JUNIOR_A', 'MIDDLE_C', 'MIDDLE_B', 'MIDDLE_A', 'SENIOR_C', 'SENIOR_B', 'SENIOR_A'] as const;
export type Grade = (typeof grades)[number];
export type GradeLevel = 'TRAINEE' | 'JUNIOR' | 'MIDDLE' | 'SENIOR';

export function levelOf(grade: Grade): GradeLevel {
  return grade === 'TRAINEE' ? 'TRAINEE' : (grade.split('_')[0] as GradeLevel);
}
