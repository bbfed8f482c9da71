/** The MappingError a call throws, for asserting on its code and message; any other outcome fails the test. */
import { MappingError } from '../../src/pipeline/rows/mapping-error.js';

export function mappingError(fn: () => unknown): MappingError {
  try {
    fn();
  } catch (err) {
    if (err instanceof MappingError) return err;
    throw err;
  }
  throw new Error('expected a MappingError');
}
