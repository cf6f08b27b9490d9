/**
 * The science passport: the passport checked in on this station and its stamps, check-in
 * by code or QR, the student's passport page, and a guide's class set with its print sheet.
 * Pages load lazily from app routes; the store and the seal are small and load with the lobby.
 */
export {
  useStationPassport,
  useCheckedInStamps,
  hydrateStationPassport,
  mergeStamps,
  StationPassportSchema,
  StampRecordSchema,
  MAX_LOCAL_PASSPORTS,
  LEGACY_KEY,
} from './station-passport-store.ts'
export type { StationPassport, StampRecord, Stamps, HydrateStatus } from './station-passport-store.ts'
export {
  fetchPassportStatus,
  fetchPassport,
  fetchCenter,
  signIn,
  issueBatch,
  fetchBatch,
  stampsOf,
  call as callApi,
  CenterSchema,
  PassportViewSchema,
  BatchSchema,
} from './passport-api.ts'
export type { PassportStatus, PassportView, Center, Batch, BatchRequest, ApiResult, StaffSession } from './passport-api.ts'
export { loadGuideSession, saveGuideSession } from './guide-session.ts'
/** The guide's sign-in, shared by every guide page (guide and admin accounts). */
export { SignIn as GuideSignIn, useGuide, problemKey as guideProblemKey } from './guide-sign-in.tsx'
export { formatPassportCode } from '../../core/passport-code.ts'
/** The flat check-in's words for a typed code (the headset's keypad says the same). */
export { codeProblemMessage, statusMessage } from './code-messages.ts'
export type { Message } from './code-messages.ts'
export { Seal } from './seal.tsx'
export { PassportBadge } from './passport-badge.tsx'
import './passport.css'
/** The pages, each its own chunk (QR generation and scanning stay out of the lobby). */
export const loadCheckInPage = () => import('./check-in-page.tsx')
export const loadPassportPage = () => import('./passport-page.tsx')
export const loadGuidePages = () => import('./guide-passports.tsx')
/** The QR code image, for other pages' chunks (never the lobby's). */
export const loadQrImage = () => import('./qr-image.tsx')
