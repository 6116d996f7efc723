// A calendar date as a form sends it (YYYY-MM-DD, a real day), for every schema that takes one.
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { isCalendarDate } from './calendar';

export const calendarDateSchema = lazySchema(() => z.string().refine(isCalendarDate, 'YYYY-MM-DD'));

/** A calendar month (YYYY-MM), as filters and the analyses take one. */
export const calendarMonthSchema = lazySchema(() => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'));
