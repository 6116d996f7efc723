import { drawSample, responseScore, surveyAnswerSchema, surveyOutcome } from '../../domain/customerSurvey';

const answer = (r: number[]) => ({
  serviceAttitude: r[0]!,
  visitRegularity: r[1]!,
  businessGuidance: r[2]!,
  orderingService: r[3]!,
  informationDelivery: r[4]!,
  overall: r[5]!,
});

test('a response scores the mean of its six ratings × 20', () => {
  expect(responseScore(answer([5, 5, 5, 5, 5, 5]))).toBe(100);
  expect(responseScore(answer([1, 1, 1, 1, 1, 1]))).toBe(20);
  expect(responseScore(answer([5, 4, 4, 5, 4, 3]))).toBeCloseTo(83.333, 3);
});

test('satisfaction rate counts overall 满意 or 非常满意; the score is the mean response score', () => {
  const answers = [
    answer([5, 5, 5, 5, 5, 5]),
    answer([4, 4, 4, 4, 4, 4]),
    answer([5, 4, 4, 5, 4, 3]),
    answer([3, 3, 3, 3, 3, 2]),
  ];
  expect(surveyOutcome(answers, 10)).toEqual({
    invited: 10,
    responses: 4,
    satisfactionRate: 0.5,
    score: 80,
    meetsTarget: false,
  });
});

test('the branch target of 95%: 19 of 20 satisfied meets it, 18 of 20 does not', () => {
  const satisfied = Array.from({ length: 19 }, () => answer([4, 4, 4, 4, 4, 4]));
  expect(surveyOutcome([...satisfied, answer([3, 3, 3, 3, 3, 3])], 20)).toMatchObject({
    satisfactionRate: 0.95,
    meetsTarget: true,
  });
  expect(
    surveyOutcome([...satisfied.slice(1), answer([3, 3, 3, 3, 3, 3]), answer([2, 2, 2, 2, 2, 2])], 20),
  ).toMatchObject({ satisfactionRate: 0.9, meetsTarget: false });
  expect(surveyOutcome([], 10)).toEqual({
    invited: 10,
    responses: 0,
    satisfactionRate: 0,
    score: 0,
    meetsTarget: false,
  });
});

test('answers are 1–5; form values are read as numbers', () => {
  expect(surveyAnswerSchema.safeParse({ ...answer([5, 5, 5, 5, 5, 6]) }).success).toBe(false);
  expect(
    surveyAnswerSchema.parse({
      serviceAttitude: '5',
      visitRegularity: '4',
      businessGuidance: '3',
      orderingService: '2',
      informationDelivery: '1',
      overall: '4',
    }),
  ).toMatchObject({ serviceAttitude: 5, informationDelivery: 1, comment: '' });
});

test('the sample is drawn without repeats, the same for the same seed', () => {
  const customers = Array.from({ length: 180 }, (_, i) => ({ id: `c${i}` }));
  const a = drawSample(customers, 10, 'cycle-1:m1');
  expect(a).toHaveLength(10);
  expect(new Set(a.map((c) => c.id)).size).toBe(10);
  expect(drawSample([...customers].reverse(), 10, 'cycle-1:m1')).toEqual(a);
  expect(drawSample(customers, 10, 'cycle-2:m1')).not.toEqual(a);
  expect(drawSample(customers.slice(0, 4), 10, 'x')).toHaveLength(4);
});
