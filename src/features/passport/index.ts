/** The science passport on this station: stamps earned here, and the seal that shows one. */
export { usePassportStore, hydratePassport, checkStoredPassport, PassportDataSchema, StampRecordSchema } from './passport-store.ts'
export type { PassportData } from './passport-store.ts'
export { Seal } from './seal.tsx'
