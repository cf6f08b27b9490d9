import { useState, type FormEvent, type ReactNode } from 'react'
import { ACTIVITY_TYPES, ActivityInputSchema, type Activity, type ActivityInput } from '../../core/programme.ts'
import { useT } from '../../i18n/lang-store.ts'
import type { AppKey } from '../../i18n/translate.ts'

type Field = 'topic' | 'date' | 'durationMinutes' | 'audience' | 'volunteerHours' | 'guides'
const FIELD_ERRORS: Record<Field, AppKey> = {
  topic: 'programme.error.topic',
  date: 'programme.error.date',
  durationMinutes: 'programme.error.duration',
  audience: 'programme.error.audience',
  volunteerHours: 'programme.error.volunteerHours',
  guides: 'programme.error.guides',
}
const isField = (k: unknown): k is Field => typeof k === 'string' && k in FIELD_ERRORS

/** Form values → the API's input, or the message for each field that is wrong (the server's own schema decides). */
export function readActivityForm(f: FormData): { ok: true; input: ActivityInput } | { ok: false; errors: Partial<Record<Field, AppKey>> } {
  const num = (k: string) => {
    const v = String(f.get(k) ?? '').trim()
    return v === '' ? Number.NaN : Number(v)
  }
  const r = ActivityInputSchema.safeParse({
    topic: String(f.get('topic') ?? ''),
    type: String(f.get('type') ?? ''),
    date: String(f.get('date') ?? ''),
    durationMinutes: num('durationMinutes'),
    guides: String(f.get('guides') ?? ''),
    audience: num('audience'),
    volunteerHours: num('volunteerHours'),
  })
  if (r.success) return { ok: true, input: r.data }
  const errors: Partial<Record<Field, AppKey>> = {}
  for (const i of r.error.issues) if (isField(i.path[0])) errors[i.path[0]] = FIELD_ERRORS[i.path[0]]
  return { ok: false, errors }
}

/**
 * Add or edit one activity (the page keys it per activity and per new record, so its defaults
 * are that activity's values and a saved form starts empty).
 * Big fields for a tablet; each wrong field says what it needs next
 * to it, and nothing is sent until all are right.
 */
export function ActivityForm(props: { editing: Activity | null; busy: boolean; onSubmit(a: ActivityInput): void; onCancel(): void }) {
  const t = useT()
  const [errors, setErrors] = useState<Partial<Record<Field, AppKey>>>({})
  const a = props.editing
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const r = readActivityForm(new FormData(e.currentTarget))
    setErrors(r.ok ? {} : r.errors)
    if (r.ok) props.onSubmit(r.input)
  }
  const field = (name: Field, label: AppKey, input: ReactNode) => (
    <label className={errors[name] ? 'invalid' : undefined}>
      {t(label)}
      {input}
      {errors[name] && (
        <span className="field-error" role="alert" data-testid={`error-${name}`}>
          {t(errors[name])}
        </span>
      )}
    </label>
  )
  return (
    <form className="guide-form activity-form" data-testid="activity-form" noValidate onSubmit={submit}>
      <h3>{t(a ? 'programme.edit' : 'programme.add')}</h3>
      {field('topic', 'programme.field.topic', <input name="topic" maxLength={120} defaultValue={a?.topic} data-testid="activity-topic" />)}
      <label>
        {t('programme.field.type')}
        <select name="type" defaultValue={a?.type ?? 'lecture'} data-testid="activity-type">
          {ACTIVITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`programme.type.${type}` as const)}
            </option>
          ))}
        </select>
      </label>
      {field('date', 'programme.field.date', <input name="date" type="date" defaultValue={a?.date} data-testid="activity-date" />)}
      {field(
        'durationMinutes',
        'programme.field.duration',
        <input
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          defaultValue={a?.durationMinutes ?? 60}
          data-testid="activity-duration"
        />,
      )}
      {field('guides', 'programme.field.guides', <input name="guides" maxLength={200} defaultValue={a?.guides} data-testid="activity-guides" />)}
      {field(
        'audience',
        'programme.field.audience',
        <input name="audience" type="number" inputMode="numeric" min={0} defaultValue={a?.audience} data-testid="activity-audience" />,
      )}
      {field(
        'volunteerHours',
        'programme.field.volunteerHours',
        <input name="volunteerHours" type="number" inputMode="decimal" min={0} step={0.1} defaultValue={a?.volunteerHours ?? 0} data-testid="activity-hours" />,
      )}
      <div className="form-buttons">
        <button className="btn primary" type="submit" disabled={props.busy} data-testid="activity-save">
          {t('programme.save')}
        </button>
        {a && (
          <button className="btn" type="button" onClick={props.onCancel}>
            {t('programme.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
