import { GuideSignIn, useGuide, type StaffSession } from '../passport/index.ts'

/** The guide's sign-in for this tab (sessionStorage, shared with the passport and report pages). */
export const useGuideSession = useGuide

/** The same sign-in form as every guide page, on the console's page frame. */
export function ConsoleSignIn(props: { onSession(s: StaffSession): void }) {
  return (
    <main className="guide-page console">
      <GuideSignIn onSession={props.onSession} />
    </main>
  )
}
