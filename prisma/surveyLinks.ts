// Personal survey links: a random token mailed to the customer; only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';

/** 192 random bits, URL-safe: unguessable. */
export const newSurveyToken = (): string => randomBytes(24).toString('base64url');

export const hashSurveyToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Where a customer answers: the page of the survey, reached by the token alone. */
export const surveyUrl = (publicUrl: string, token: string): string => `${publicUrl}/survey/${token}`;
