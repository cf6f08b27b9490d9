import type { EventColumns } from './event-columns.ts'

/**
 * A batch's columns as PostgreSQL array literals, the parameters of the insert statement
 * (ingest-statement.ts: `unnest($2::uuid[], …)`). Written here rather than by the driver, which
 * escapes every element by regular expression: uuids, numbers, days and booleans need no
 * quoting; text is always quoted (an unquoted NULL would be a null), and only `"` and `\`
 * are escaped inside quotes (PostgreSQL's array input rules).
 */
const quote = (s: string) => `"${(s.includes('\\') ? s.replaceAll('\\', '\\\\') : s).replaceAll('"', '\\"')}"`
const bool = (b: boolean | null) => (b === null ? 'NULL' : b ? 't' : 'f')

export function batchArrays(rows: readonly EventColumns[], exhibitIds: ReadonlySet<string>, stationNum: (id: string) => number): [...string[], number] {
  const n = rows.length
  const ids = new Array<string>(n),
    times = new Array<number>(n),
    days = new Array<string>(n),
    seqs = new Array<number>(n),
    stations = new Array<number>(n),
    sessions = new Array<string>(n),
    passports = new Array<string>(n),
    exhibits = new Array<string>(n),
    known = new Array<string>(n),
    types = new Array<string>(n),
    items = new Array<string>(n),
    correct = new Array<string>(n),
    durations = new Array<string | number>(n),
    data = new Array<string>(n)
  let maxSeq = 0
  for (let i = 0; i < n; i++) {
    const [id, time, day, seq, station, session, passport, exhibit, type, item, right, duration, json] = rows[i]!
    ids[i] = id
    times[i] = time
    days[i] = day
    seqs[i] = seq
    if (seq > maxSeq) maxSeq = seq
    stations[i] = stationNum(station)
    // An id the schemas checked as a uuid: hex and hyphens only.
    sessions[i] = session ?? 'NULL'
    passports[i] = passport === null ? 'NULL' : quote(passport)
    exhibits[i] = quote(exhibit)
    known[i] = bool(exhibitIds.has(exhibit))
    types[i] = quote(type)
    items[i] = item === null ? 'NULL' : quote(item)
    correct[i] = bool(right)
    durations[i] = duration ?? 'NULL'
    data[i] = quote(json)
  }
  const lit = (a: ReadonlyArray<string | number>) => `{${a.join(',')}}`
  return [
    lit(ids),
    lit(times),
    lit(days),
    lit(seqs),
    lit(stations),
    lit(sessions),
    lit(passports),
    lit(exhibits),
    lit(known),
    lit(types),
    lit(items),
    lit(correct),
    lit(durations),
    lit(data),
    maxSeq,
  ]
}
