import { useEffect, useState, type FormEvent } from 'react'
import { StaffRoleSchema, type User, type UserChange } from '../../core/user-admin.ts'
import { useLangStore, useT } from '../../i18n/lang-store.ts'
import type { AppKey } from '../../i18n/translate.ts'
import { GuideSignIn, guideProblemKey, useGuide, type ApiResult } from '../passport/index.ts'
import { AuditSection } from './audit-section.tsx'
import { changeUser, createUser, listUsers } from './users-api.ts'
import './admin-users.css'

/** The message for a failed admin request: the server's reason where the page knows it. */
export function adminProblemKey(r: Exclude<ApiResult<unknown>, { ok: true }>): AppKey {
  if (r.kind === 'http') {
    if (r.error === 'last-admin') return 'admin.error.lastAdmin'
    if (r.error === 'weak-password') return 'admin.error.weakPassword'
    if (r.error === 'user-exists') return 'admin.error.exists'
    if (r.status === 403) return 'admin.adminOnly'
  }
  return guideProblemKey(r)
}

function UserRow(props: { user: User; onChange(change: UserChange): void }) {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  const [resetting, setResetting] = useState(false)
  const { user: u } = props
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(lang) : t('admin.users.never'))
  function reset(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    props.onChange({ password: String(new FormData(e.currentTarget).get('password') ?? '') })
    setResetting(false)
  }
  return (
    <tr data-testid="user-row" data-name={u.name} data-role={u.role} data-disabled={u.disabled}>
      <td>{u.name}</td>
      <td>{t(`admin.role.${u.role}` as const)}</td>
      <td>{when(u.createdAt)}</td>
      <td>{when(u.lastSignInAt)}</td>
      <td>{u.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
      <td className="admin-actions">
        <button className="btn" data-testid="user-role" onClick={() => props.onChange({ role: u.role === 'admin' ? 'guide' : 'admin' })}>
          {t(u.role === 'admin' ? 'admin.users.makeGuide' : 'admin.users.makeAdmin')}
        </button>
        <button className="btn" data-testid="user-disable" onClick={() => props.onChange({ disabled: !u.disabled })}>
          {t(u.disabled ? 'admin.users.enable' : 'admin.users.disable')}
        </button>
        {resetting ? (
          <form onSubmit={reset} className="admin-inline">
            <input name="password" type="password" autoComplete="new-password" required aria-label={t('admin.users.newPassword')} />
            <button className="btn primary" type="submit">
              {t('admin.users.save')}
            </button>
          </form>
        ) : (
          <button className="btn" data-testid="user-reset" onClick={() => setResetting(true)}>
            {t('admin.users.resetPassword')}
          </button>
        )}
      </td>
    </tr>
  )
}

/**
 * `/admin/users` on a tablet: the accounts (create, change role, disable, reset a password)
 * and the access audit. The server decides who may; a guide sees why they cannot.
 */
export function AdminUsersPage() {
  const t = useT()
  const [session, setSession] = useGuide()
  const [users, setUsers] = useState<User[] | null>(null)
  const [message, setMessage] = useState<{ key: AppKey; error: boolean } | null>(null)
  const [reload, setReload] = useState(0)
  // A guide's token is not sent to admin routes at all: the page explains instead.
  const token = session?.role === 'admin' ? session.token : undefined
  useEffect(() => {
    if (!token) return
    let live = true
    void listUsers(token).then((r) => {
      if (!live) return
      if (r.ok) setUsers(r.data.users)
      else setMessage({ key: adminProblemKey(r), error: true })
    })
    return () => {
      live = false
    }
  }, [token, reload])

  if (!session)
    return (
      <main className="guide-page">
        <GuideSignIn onSession={setSession} />
      </main>
    )
  if (session.role !== 'admin')
    return (
      <main className="guide-page" data-testid="admin-users" data-status="forbidden">
        <p role="alert" className="code-message error" data-testid="admin-only">
          {t('admin.adminOnly')}
        </p>
      </main>
    )
  const done = (r: ApiResult<unknown>, ok: AppKey) => {
    if (r.ok) {
      setMessage({ key: ok, error: false })
      setReload((n) => n + 1)
      return true
    }
    if (r.kind === 'http' && r.status === 401) setSession(null)
    setMessage({ key: adminProblemKey(r), error: true })
    return false
  }
  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (!token) return
    const form = e.currentTarget
    const f = new FormData(form)
    const role = StaffRoleSchema.catch('guide').parse(f.get('role'))
    const r = await createUser({ name: String(f.get('name') ?? '').trim(), role, password: String(f.get('password') ?? '') }, token)
    if (done(r, 'admin.users.created')) form.reset()
  }

  return (
    <main className="guide-page admin-page" data-testid="admin-users" data-status={users ? 'ready' : 'loading'}>
      <h2>{t('admin.users.title')}</h2>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'code-message error' : 'code-message'} data-testid="admin-message">
          {t(message.key)}
        </p>
      )}
      <div className="admin-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th>{t('admin.users.name')}</th>
              <th>{t('admin.users.role')}</th>
              <th>{t('admin.users.createdAt')}</th>
              <th>{t('admin.users.lastSignIn')}</th>
              <th>{t('admin.users.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users?.map((u) => (
              <UserRow key={u.id} user={u} onChange={(c) => void changeUser(u.id, c, session.token).then((r) => done(r, 'admin.users.changed'))} />
            ))}
          </tbody>
        </table>
      </div>
      <form className="guide-form admin-create" data-testid="user-create" onSubmit={(e) => void create(e)}>
        <h3>{t('admin.users.createTitle')}</h3>
        <label>
          {t('admin.users.name')}
          <input name="name" required maxLength={64} autoComplete="off" data-testid="new-user-name" />
        </label>
        <label>
          {t('admin.users.role')}
          <select name="role" defaultValue="guide" data-testid="new-user-role">
            <option value="guide">{t('admin.role.guide')}</option>
            <option value="admin">{t('admin.role.admin')}</option>
          </select>
        </label>
        <label>
          {t('admin.users.initialPassword')}
          <input name="password" type="password" required autoComplete="new-password" data-testid="new-user-password" />
        </label>
        <p className="hint">{t('admin.users.policy')}</p>
        <button className="btn primary" type="submit" data-testid="new-user-submit">
          {t('admin.users.create')}
        </button>
      </form>
      <AuditSection token={session.token} reload={reload} />
    </main>
  )
}
