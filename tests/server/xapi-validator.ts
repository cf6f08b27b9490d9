import * as validation from '@learninglocker/xapi-validation'

/**
 * The independent xAPI 1.0.3 check: Learning Locker's conformance-tested validator, not
 * the project's own schema. It is CommonJS with `exports.default`: under Node's ESM the
 * default import is the exports object, under a bundler the function; take whichever.
 */
type Validate = (statement: unknown) => { path: string[]; typeName?: string; message: string }[]
const exported = (validation as unknown as { default: Validate | { default: Validate } }).default
const validate: Validate = typeof exported === 'function' ? exported : exported.default

/** Every problem the validator finds in one statement, as `path: kind` lines (empty: valid). */
export function xapiProblems(statement: unknown): string[] {
  return validate(statement).map((w) => `${w.path.join('.')}: ${w.typeName ?? w.message}`)
}
