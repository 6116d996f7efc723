// Preloaded into every worker thread's shared module cache (workflows/client/bundle.ts): the
// zod library, evaluated once instead of once per workflow. Exported so the bundler keeps it
// (zod declares no side effects, and an unused import of it would be dropped).
import { z } from 'zod';
import { markSharedModules } from '../domain/lazySchema';

// zod sets its global defaults (the error locale, the memoizer) when the first schema is
// built or parsed; the SDK freezes what is shared, so that happens here, before it does.
z.object({ warm: z.string() }).safeParse({ warm: 1 });

// The domain modules preloaded after this one are shared and frozen: their schemas must
// freeze without freezing what zod writes to.
markSharedModules();

export const sharedZod = z;
