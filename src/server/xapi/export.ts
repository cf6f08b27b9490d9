import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { StatementReader } from './statements.ts'
import { statementOfRow } from './statements.ts'

export interface ExportRange {
  /** Calendar days in the center's zone, inclusive (YYYY-MM-DD). */
  from: string
  to: string
}

const PAGE = 1000

/**
 * The statements of a day range as one JSON array (the body an LRS accepts on
 * POST /statements), one statement per line, produced a page at a time: memory stays
 * at one page however long the range.
 */
export function* statementsJson(reader: StatementReader, { from, to }: ExportRange, homePage: string, count = { n: 0 }, pageSize = PAGE): Generator<string> {
  yield '['
  let seq = 0
  let first = true
  for (;;) {
    const { rows, lastSeq } = reader.inDays(seq, from, to, pageSize)
    if (lastSeq === null) break
    const lines = rows.map((r) => JSON.stringify(statementOfRow(r, homePage)))
    count.n += lines.length
    yield (first ? '\n' : ',\n') + lines.join(',\n')
    first = false
    seq = lastSeq
    if (rows.length < pageSize) break
  }
  yield first ? ']\n' : '\n]\n'
}

export function statementsStream(reader: StatementReader, range: ExportRange, homePage: string): Readable {
  return Readable.from(statementsJson(reader, range, homePage), { objectMode: false })
}

/** Writes the export to a file; resolves with the number of statements written. */
export async function exportToFile(reader: StatementReader, range: ExportRange, homePage: string, file: string): Promise<number> {
  const count = { n: 0 }
  await pipeline(Readable.from(statementsJson(reader, range, homePage, count)), createWriteStream(file))
  return count.n
}
