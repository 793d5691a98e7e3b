// A message as the build cache keeps it, to be told again by a build that reuses the work that
// found it (messages.ts keeps and replays them). The schema is the one source of its type and of
// the check a stored one is read back through.
import { z } from '../vendor/zod.ts';

export const keptMessageSchema = z.object({
  reason: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  ruleId: z.string().optional(),
  /** true an error, false a warning, absent a note. */
  fatal: z.boolean().optional(),
});

export type KeptMessage = z.infer<typeof keptMessageSchema>;

export const isKeptMessage = (value: unknown): value is KeptMessage => keptMessageSchema.safeParse(value).success;
