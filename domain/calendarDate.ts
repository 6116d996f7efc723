// A calendar date as a form sends it (YYYY-MM-DD, a real day), for every schema that takes one.
import { z } from 'zod';
import { isCalendarDate } from './calendar';

export const calendarDateSchema = z.string().refine(isCalendarDate, 'YYYY-MM-DD');
