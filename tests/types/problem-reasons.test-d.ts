/**
 * The SDK spells the field reasons out (its declarations import nothing of core/): the list must
 * stay the domain's, checked by `tsc --noEmit`.
 */
import { expectTypeOf } from 'vitest';
import type { FieldProblemReason, ProblemParams } from '../../core/lib/errors.ts';
import type { KabinetFieldReason, KabinetProblemParams } from '../../core/sdk/index.ts';

expectTypeOf<KabinetFieldReason>().toEqualTypeOf<FieldProblemReason>();
expectTypeOf<KabinetProblemParams>().toEqualTypeOf<ProblemParams>();
